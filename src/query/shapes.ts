/**
 * Compiled levels (./compile.ts `compileLevel`) reused by shape: a client sends the same few
 * documents over and over with other variables (another person's id, another page), and what lies
 * below a query's top nodes depends only on the selection sets, the options and the values of the
 * variables those selection sets refer to (a nested `first: $n`, an `@include(if: $x)`), not on the
 * values that find the top nodes. Planning and writing that part took most of the time spent
 * compiling a request (README, "The read engine"); a hit costs a key.
 *
 * Selection sets are told apart by identity: Apollo parses a document once and hands the same tree
 * to every request that sends it. Like Apollo's own document cache, this holds only what is derived
 * from documents and the schema, bounded; nothing about a request or its data.
 */
import { Kind, visit, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Label } from '../model/graph.js';
import { compileLevel, type CompiledLevel, type LevelOptions } from './compile.js';
import type { SelectionContext } from './plan.js';

/** Distinct shapes kept compiled: every root field of a client's fixed set of queries, many times over. */
export const compiledLevelCacheSize = 1000;

const levels = new LRUCache<string, CompiledLevel>({ max: compiledLevelCacheSize });
const setIds = new WeakMap<SelectionSetNode, number>();
const setVariables = new WeakMap<SelectionSetNode, readonly string[]>();
let nextSetId = 0;

function idOf(set: SelectionSetNode): number {
  let id = setIds.get(set);
  if (id === undefined) {
    id = nextSetId++;
    setIds.set(set, id);
  }
  return id;
}

/** The variables a selection set refers to, in its fields' arguments and directives and in the fragments it spreads. */
function variablesOf(set: SelectionSetNode, selection: SelectionContext): readonly string[] {
  const known = setVariables.get(set);
  if (known) return known;
  const names = new Set<string>();
  const spread = new Set<string>();
  const walk = (node: SelectionSetNode) =>
    visit(node, {
      [Kind.VARIABLE]: (variable) => {
        names.add(variable.name.value);
      },
      [Kind.FRAGMENT_SPREAD]: (fragmentSpread) => {
        const name = fragmentSpread.name.value;
        const fragment = selection.fragments[name];
        if (spread.has(name) || !fragment) return;
        spread.add(name);
        walk(fragment.selectionSet);
      },
    });
  walk(set);
  const found = [...names].sort();
  setVariables.set(set, found);
  return found;
}

/** A variable left out and one given as null are not the same to a field's arguments. */
const absent = { absent: true };

/**
 * What tells selection sets apart for a compiled query: their identities and the values of the
 * variables they refer to (not the values that find the top nodes), as JSON-ready data.
 */
export function shapeOf(selection: SelectionContext, sets: readonly SelectionSetNode[]): unknown[] {
  const variables = [...new Set(sets.flatMap((set) => variablesOf(set, selection)))].map((name) =>
    name in selection.variableValues ? selection.variableValues[name] : absent,
  );
  return [sets.map(idOf), variables];
}

/**
 * compileLevel, reused when the same selection sets are compiled with the same options and the
 * same values of the variables they refer to. What it returns is shared: never changed by its users.
 */
export function compiledLevel(
  selection: SelectionContext,
  types: Label[],
  sets: readonly SelectionSetNode[],
  options: LevelOptions,
): CompiledLevel {
  const key = JSON.stringify([shapeOf(selection, sets), types, options.reads ?? [], options.extra ?? []]);
  let level = levels.get(key);
  if (!level) {
    level = compileLevel(selection, types, sets, options);
    levels.set(key, level);
  }
  return level;
}
