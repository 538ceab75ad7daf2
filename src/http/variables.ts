/**
 * A request's variables coerced once: the cost limit (./cost.ts) and the executor (./executor.ts)
 * both need them, and coercing is a walk over the operation's variable definitions and values. The
 * result is kept for the request only, keyed by its context object (Apollo hands the plugins and the
 * gateway executor the same per-request copy), and reused only for the same operation and the same
 * variables object.
 */
import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

type Coerced = ReturnType<typeof getVariableValues>;

interface Entry {
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  coerced: Coerced;
}

const byRequest = new WeakMap<object, Entry>();

export function coercedVariables(
  request: object,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Coerced {
  const known = byRequest.get(request);
  if (known && known.operation === operation && known.variables === variables) return known.coerced;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  byRequest.set(request, { operation, variables, coerced });
  return coerced;
}
