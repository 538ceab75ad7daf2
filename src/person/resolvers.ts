/** Person: lookups, the `people` list, positions, meetings, statements and who they met. */
import type { Context } from '../context.js';
import { defaultPageSize, listScope, pageWindow, type PageArgs } from '../graph/arguments.js';
import { connection, pageFromRows } from '../graph/connection.js';
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../graph/list.js';
import { aliasesOf, dateOf, edgeSources, sourcesOf } from '../graph/node-fields.js';
import type { EdgeRecord, NodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { peopleQuery } from './cypher.js';

/** The people a person met, most shared meetings first; shared by `Person.metWith` and `whoMetWhom`. */
export function metWithConnection(ctx: Context, personId: string, args: PageArgs) {
  const scope = listScope('metWith', personId);
  const window = pageWindow(args, scope, 20, 2);
  return connection(
    async () => {
      const answer = await ctx.loaders.metWithPage.load({ parentId: personId, window });
      const page = pageFromRows(answer.rows, window, scope, answer.probes);
      for (const edge of page.edges) edge.rel.personId = personId;
      return page;
    },
    () => ctx.loaders.metWithCount.load(personId),
  );
}

/** The meetings two people both attended, in date order: the `meetings` of a MetWithEdge. */
function sharedMeetingsConnection(ctx: Context, edge: EdgeRecord, args: PageArgs) {
  const [a, b] = [edge.rel.personId as string, edge.node.id];
  const scope = listScope('sharedMeetings', a, b);
  const window = pageWindow(args, scope, defaultPageSize('MetWithEdge', 'meetings'), 2);
  return connection(
    async () => {
      const answer = await ctx.loaders.sharedMeetings.load({ a, b, window });
      return pageFromRows(answer.rows, window, scope, answer.probes);
    },
    () => Promise.resolve(edge.rel.meetingCount as number),
  );
}

/** The fields of an edge that is a HOLDS_POSITION relationship (positions and members). */
const positionEdgeFields = {
  id: (edge: EdgeRecord) => edge.id!,
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
    meetings: (edge, args, ctx) => sharedMeetingsConnection(ctx, edge, args),
  },
};

export type { NodeRecord };
