/**
 * The resolvers of relation fields, derived from the model (../model/api.ts): a to-many field is a
 * connection over its traversal, a to-one field the single neighbour. Fields with a `via` object
 * (`Statement.reportedIn`) are written by their domain.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { relationFields, type RelationField } from '../model/api.js';
import { traversals, type Label } from '../model/graph.js';
import type { PageArgs } from './arguments.js';
import { expansionConnection, expansionSingle, thenMaybe } from './connection.js';
import type { GraphContext } from './context.js';
import type { NodeRecord } from './records.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each field's generated resolver type differs
type RelationResolver = (parent: NodeRecord, args: any, ctx: GraphContext, info: GraphQLResolveInfo) => any;

export function relationResolvers<L extends Label>(
  label: L,
): Record<keyof (typeof relationFields)[L], RelationResolver> {
  const resolvers: Record<string, RelationResolver> = {};
  for (const [field, relation] of Object.entries(relationFields[label] as Record<string, RelationField>)) {
    const { traversal, via } = relation;
    if (via) continue;
    resolvers[field] =
      traversals[traversal].cardinality === 'many'
        ? (parent: NodeRecord, args: PageArgs, ctx: GraphContext, info: GraphQLResolveInfo) =>
            expansionConnection(ctx, traversal, parent, args, info)
        : (parent: NodeRecord, _args: unknown, ctx: GraphContext, info: GraphQLResolveInfo) =>
            // Synchronous when the compiled query fetched it: no promise per parent.
            thenMaybe(expansionSingle(ctx, traversal, parent, info), (row) => row?.node ?? null);
  }
  return resolvers as Record<keyof (typeof relationFields)[L], RelationResolver>;
}
