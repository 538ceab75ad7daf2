/**
 * Prefetching of to-one relationships: when a list's items ask for their place, speaker, occasion,
 * parent or publisher, the list's own query fetches them too, and primes the loader that those fields
 * read from. A page of meetings with their places is then one Cypher query instead of two.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { expansions, sortKey, type ExpansionName } from './expansions.js';
import type { Loaders } from './loaders.js';
import { nodeProjection, toNodeRecord, type NodeRecord, type TypeName } from './records.js';

/** The to-one fields of each type and the expansion each one reads. */
export const toOneFields: Partial<Record<TypeName, Record<string, ExpansionName>>> = {
  Meeting: { place: 'meetingPlace', partOf: 'meetingPartOf' },
  Organization: { parent: 'organizationParent', basedIn: 'organizationBasedIn' },
  Place: { locatedIn: 'placeLocatedIn' },
  Statement: { speaker: 'statementSpeaker', occasion: 'statementOccasion', reportedIn: 'statementReportedIn' },
  Article: { publisher: 'articlePublisher' },
};

/** The names of the fields selected on the items of a connection (under `nodes` or `edges { node }`). */
function itemFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, path: readonly string[], seen: Set<string>) => {
    if (!selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (path.length === 0 && name === 'nodes') visit(selection.selectionSet, ['item'], seen);
        else if (path.length === 0 && name === 'edges') visit(selection.selectionSet, ['edges'], seen);
        else if (path.length === 1 && path[0] === 'edges' && name === 'node')
          visit(selection.selectionSet, ['item'], seen);
        else if (path[0] === 'item') names.add(name);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, path, seen);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && !seen.has(fragment.name.value)) {
          visit(fragment.selectionSet, path, new Set([...seen, fragment.name.value]));
        }
      }
    }
  };
  info.fieldNodes.forEach((node: FieldNode) => visit(node.selectionSet, [], new Set()));
  return names;
}

/** The type of an expansion's neighbours, when the pattern names one label. */
export function targetType(name: ExpansionName): TypeName | null {
  const label = /\(n:(\w+)\)/.exec(expansions[name].pattern)?.[1];
  return label && label !== 'Node' ? (label as TypeName) : null;
}

/** The to-one expansions the items of this connection will ask for, when they are all of `typename`. */
export function prefetchesFor(info: GraphQLResolveInfo | undefined, typename: TypeName | null): ExpansionName[] {
  const fields = typename ? toOneFields[typename] : undefined;
  if (!info || !fields) return [];
  const selected = itemFields(info);
  return Object.entries(fields)
    .filter(([field]) => selected.has(field))
    .map(([, expansion]) => expansion);
}

/**
 * Cypher columns fetching, for item `n`, each expansion's single neighbour (as a list of 0 or 1),
 * named pre0, pre1, … in the order given. The table's patterns use p (from), r and n (to): they are
 * renamed here so that they start from the item.
 */
export function prefetchColumns(prefetch: readonly ExpansionName[], item = 'n'): string {
  return prefetch
    .map((name, i) => {
      const { pattern, order } = expansions[name];
      const [m, rel] = [`pm${i}`, `pr${i}`];
      // The neighbour first: once `p` is renamed to the item, `(n` would be ambiguous.
      const renamed = pattern
        .replace(/\(n([:)])/, `(${m}$1`)
        .replace('[r:', `[${rel}:`)
        .replace('(p)', `(${item})`);
      return `,\n  COLLECT { MATCH ${renamed} RETURN {node: ${nodeProjection(m)}, rel: properties(${rel}), key: ${sortKey(order, m)}} ORDER BY ${sortKey(order, m)}, ${m}.id LIMIT 1 } AS pre${i}`;
    })
    .join('');
}

interface PrefetchedRow {
  node: Record<string, unknown>;
  rel: Record<string, unknown>;
  key: string | number;
}

/** Primes the expansion loader with what the list query fetched for `item`, as `expansionSingle` asks. */
export function primePrefetched(
  loaders: Pick<Loaders, 'expansionPage' | 'prime'>,
  item: NodeRecord,
  prefetch: readonly ExpansionName[],
  row: Record<string, unknown>,
): void {
  prefetch.forEach((expansion, i) => {
    const found = (row[`pre${i}`] as PrefetchedRow[] | undefined) ?? [];
    loaders.expansionPage.prime(
      { expansion, parentId: item.id, first: 1, after: null },
      found.map((f) => ({ node: loaders.prime(toNodeRecord(f.node)), rel: f.rel, key: f.key })),
    );
  });
}
