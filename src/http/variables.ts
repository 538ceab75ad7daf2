/**
 * A request's variables coerced once: the cost limit (./cost.ts) and the executor (./executor.ts)
 * both need them, and coercing is a walk over the operation's variable definitions and values. The
 * result is kept on the request's own context object (Apollo hands the plugins and the gateway
 * executor the same per-request copy), so it lives and dies with the request, and it is reused only
 * for the same operation and the same variables object.
 */
import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

type Coerced = ReturnType<typeof getVariableValues>;

interface Entry {
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  coerced: Coerced;
}

/** The slot on a request's context that holds its coerced variables (a symbol: no field of the context's type). */
const coercedSlot = Symbol('coercedVariables');

type WithSlot = { [coercedSlot]?: Entry };

export function coercedVariables(
  request: object,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Coerced {
  const slot = request as WithSlot;
  const known = slot[coercedSlot];
  if (known && known.operation === operation && known.variables === variables) return known.coerced;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  slot[coercedSlot] = { operation, variables, coerced };
  return coerced;
}
