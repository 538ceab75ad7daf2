/**
 * The cost of a request, estimated before it runs: how many objects it can return at most.
 * A field costs as many objects as its parents can number; a field with `first`, `last` or `limit`
 * multiplies what is beneath it. `people(first: 100) { meetings(first: 20) { … } }` costs
 * 100 + 100 × 20 objects. Requests above the limit are refused before any Cypher runs.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { defaultPageSize } from '../graph/arguments.js';
import { coercedVariables } from './variables.js';

/**
 * The value of one argument of a field as execution will see it (its default when absent), read on
 * its own: only the arguments that size a list (`first`, `last`, `limit`, `ids`) matter to the cost,
 * and coercing the others (filters, orders) on every request would cost more than the estimate.
 */
function argumentValue(
  field: GraphQLField<unknown, unknown>,
  selection: FieldNode,
  name: string,
  variables: Record<string, unknown>,
  readsVariable: () => void,
): unknown {
  const definition = field.args.find((arg) => arg.name === name);
  if (!definition) return undefined;
  const node = selection.arguments?.find((arg) => arg.name.value === name);
  if (!node) return definition.defaultValue;
  if (containsVariable(node.value)) readsVariable();
  if (node.value.kind === Kind.VARIABLE) {
    const variable = node.value.name.value;
    return Object.hasOwn(variables, variable) ? variables[variable] : definition.defaultValue;
  }
  return valueFromAST(node.value, definition.type, variables);
}

function containsVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(containsVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((field) => containsVariable(field.value));
  return false;
}

/** A document's fragments by name, found once per parsed document (Apollo keeps parsed documents cached). */
const fragmentsOf = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();

function fragmentsIn(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  let fragments = fragmentsOf.get(document);
  if (!fragments) {
    fragments = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    fragmentsOf.set(document, fragments);
  }
  return fragments;
}

/** The cost, and whether it depends on the request's variables (else it is the document's alone). */
function costOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): { cost: number; readsVariables: boolean } {
  let readsVariables = false;
  const readsVariable = () => {
    readsVariables = true;
  };
  // The cost of a selection is proportional to how many parents it has, so each fragment is
  // walked once, for one parent, and the figure is multiplied wherever the fragment is spread:
  // the work stays linear in the document, however fragments spread one another.
  const perFragment = new Map<string, number>();
  const fragmentCost = (name: string): number => {
    const known = perFragment.get(name);
    if (known !== undefined) return known;
    const fragment = fragments[name];
    const condition = fragment && schema.getType(fragment.typeCondition.name.value);
    // Cycles are refused by validation before this runs; the 0 only guards against looping.
    perFragment.set(name, 0);
    const cost = condition && isCompositeType(condition) ? walk(fragment.selectionSet, condition) : 0;
    perFragment.set(name, cost);
    return cost;
  };
  /** The cost of a selection set under one parent object. */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || (isAbstractType(parent) && !isInterfaceType(parent))) continue;
        const field = (isObjectType(parent) || isInterfaceType(parent)) && parent.getFields()[selection.name.value];
        const type = field && getNamedType(field.type);
        if (field && type && selection.selectionSet && isCompositeType(type)) {
          const arg = (name: string) => argumentValue(field, selection, name, variables, readsVariable);
          const first = arg('first');
          const last = typeof first === 'number' ? undefined : arg('last');
          // A connection's `edges` and `nodes`, a path's nodes, a subgraph's nodes: bounded by the
          // `first`, `last` or `limit` of the field above them, which has already multiplied the count.
          // `last` counts like `first`; a connection given neither answers its default page size.
          const multiplier =
            typeof first === 'number'
              ? first
              : typeof last === 'number'
                ? last
                : field.args.some((definition) => definition.name === 'first')
                  ? defaultPageSize(parent.name, field.name)
                  : sizeOfRest(arg('limit'), arg('ids'));
          total += multiplier * (1 + walk(selection.selectionSet, type));
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) total += walk(selection.selectionSet, condition);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };
  const root = schema.getRootType(operation.operation);
  return { cost: root ? walk(operation.selectionSet, root) : 0, readsVariables };
}

/** The size a `limit` or an `ids` list gives a field without `first` or `last`. */
const sizeOfRest = (limit: unknown, ids: unknown) =>
  typeof limit === 'number' ? limit : Array.isArray(ids) ? ids.length : 1;

export function costLimitPlugin<C extends object>(maxCost: number): ApolloServerPlugin<C> {
  // The cost of an operation whose sizes are all written in its text, found once per parsed
  // operation (Apollo keeps parsed documents cached, so this is bounded by its cache).
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, operation, document, request, contextValue }) => {
          if (!operation) return Promise.resolve();
          // Variables as execution will see them: defaults of the operation applied, values coerced.
          // Invalid variables are left for execution to report.
          const variables = coercedVariables(contextValue, schema, operation, request.variables);
          if (variables.errors) return Promise.resolve();
          let cost = fixedCosts.get(operation);
          if (cost === undefined) {
            const estimate = costOf(schema, operation, fragmentsIn(document), variables.coerced);
            cost = estimate.cost;
            if (!estimate.readsVariables) fixedCosts.set(operation, cost);
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `This request could return up to ${cost} objects, more than the limit of ${maxCost}. ` +
                'Ask for smaller pages (`first`) or fewer nested connections.',
              { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } } },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
