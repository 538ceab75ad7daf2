/** Person: lookups, the `people` list, positions, meetings, statements and who they met. */
import type { Context } from '../context.js';
import { pageArguments, intInRange } from '../graph/arguments.js';
import { connection, pageFromRows } from '../graph/connection.js';
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../graph/list.js';
import { aliasesOf, dateOf, edgeSources, sourcesOf } from '../graph/node-fields.js';
import type { EdgeRecord, NodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { peopleQuery } from './cypher.js';

/** The people a person met, most shared meetings first; shared by `Person.metWith` and `whoMetWhom`. */
export function metWithConnection(
  ctx: Context,
  personId: string,
  args: { first?: number | null; after?: string | null },
) {
  const { first, after } = pageArguments(args);
  return connection(
    async () => {
      const rows = await ctx.loaders.metWithPage.load({ parentId: personId, first, after });
      const page = pageFromRows(rows, first, after);
      for (const edge of page.edges) edge.rel.personId = personId;
      return page;
    },
    () => ctx.loaders.metWithCount.load(personId),
  );
}

/** The fields of an edge that is a HOLDS_POSITION relationship (positions and members). */
const positionEdgeFields = {
  title: (edge: EdgeRecord) => edge.rel.title as string,
  titleAsReported: (edge: EdgeRecord) => (edge.rel.titleAsReported as string | undefined) ?? null,
  startDate: (edge: EdgeRecord) => dateOf(edge.rel.startDate),
  endDate: (edge: EdgeRecord) => dateOf(edge.rel.endDate),
  sources: edgeSources,
};

export { positionEdgeFields };

export const personResolvers: Resolvers = {
  Query: {
    person: lookup('Person'),
    people: (_parent, args, ctx, info) => listConnection(ctx, peopleQuery(args.filter, args.orderBy), args, info),
  },
  Person: {
    ...relationResolvers('Person'),
    aliases: aliasesOf,
    description: (person) => (person.description as string | undefined) ?? null,
    sources: sourcesOf,
    metWith: (person, args, ctx) => metWithConnection(ctx, person.id, args),
  },
  PositionEdge: positionEdgeFields,
  MetWithEdge: {
    meetingCount: (edge) => edge.rel.meetingCount as number,
    meetings: (edge, args, ctx) =>
      ctx.loaders.sharedMeetings.load({
        a: edge.rel.personId as string,
        b: edge.node.id,
        first: intInRange('first', args.first, 1, 100, 10),
      }),
  },
};

export type { NodeRecord };
