/** Person: lookups, the `people` list, positions, meetings, statements and who they met. */
import type { Context } from '../context.js';
import { pageArguments, intInRange } from '../graph/arguments.js';
import { connection, pageFromRows } from '../graph/connection.js';
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../graph/list.js';
import { aliasesOf, dateOf, edgeSources, required, sourcesOf } from '../graph/node-fields.js';
import { isRecordOf, type EdgeRecord, type NodeRecord } from '../graph/records.js';
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
      const people = rows.flatMap((row) => (isRecordOf('Person', row.node) ? [{ ...row, node: row.node }] : []));
      const page = pageFromRows(people, first, after);
      for (const edge of page.edges) edge.rel.personId = personId;
      return page;
    },
    () => ctx.loaders.metWithCount.load(personId),
  );
}

/** The fields of an edge that is a HOLDS_POSITION relationship (positions and members). */
const positionEdgeFields = {
  title: (edge: EdgeRecord) => required(edge.rel.title, `position of ${edge.node.id}`, 'title'),
  titleAsReported: (edge: EdgeRecord) => edge.rel.titleAsReported ?? null,
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
    description: (person) => person.description ?? null,
    sources: sourcesOf,
    metWith: (person, args, ctx) => metWithConnection(ctx, person.id, args),
  },
  PositionEdge: positionEdgeFields,
  MetWithEdge: {
    meetingCount: (edge) => required(edge.rel.meetingCount, `met-with edge of ${edge.node.id}`, 'meetingCount'),
    meetings: (edge, args, ctx) =>
      ctx.loaders.sharedMeetings.load({
        a: required(edge.rel.personId, `met-with edge of ${edge.node.id}`, 'personId'),
        b: edge.node.id,
        first: intInRange('first', args.first, 1, 100, 10),
      }),
  },
};

export type { NodeRecord };
