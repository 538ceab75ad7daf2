/**
 * The cost of a request, estimated before it runs: how many objects it can return at most.
 * A field costs as many objects as its parents can number; a field with `first`, `last` or `limit`
 * multiplies what is beneath it. `people(first: 100) { meetings(first: 20) { … } }` costs
 * 100 + 100 × 20 objects. Requests above the limit are refused before any Cypher runs.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { defaultPageSize } from '../graph/arguments.js';

export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
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
          const args = getArgumentValues(field, selection, variables);
          // A connection's `edges` and `nodes`, a path's nodes, a subgraph's nodes: bounded by the
          // `first`, `last` or `limit` of the field above them, which has already multiplied the count.
          // `last` counts like `first`; a connection given neither answers its default page size.
          const multiplier =
            typeof args.first === 'number'
              ? args.first
              : typeof args.last === 'number'
                ? args.last
                : field.args.some((arg) => arg.name === 'first')
                  ? defaultPageSize(parent.name, field.name)
                  : typeof args.limit === 'number'
                    ? args.limit
                    : Array.isArray(args.ids)
                      ? args.ids.length
                      : 1;
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
  return root ? walk(operation.selectionSet, root) : 0;
}

export function costLimitPlugin<C extends object>(maxCost: number): ApolloServerPlugin<C> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, operation, document, request }) => {
          if (!operation) return Promise.resolve();
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          // Variables as execution will see them: defaults of the operation applied, values coerced.
          // Invalid variables are left for execution to report.
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors) return Promise.resolve();
          const cost = estimateCost(schema, operation, fragments, variables.coerced);
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
