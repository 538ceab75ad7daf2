/** Person: lookups, the `people` list, positions, meetings, statements and who they met. */
import { defaultPageSize, listScope, pageWindow, type PageArgs } from '../graph/arguments.js';
import { connection, pageFromRows } from '../graph/connection.js';
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../query/list.js';
import { aliasesOf, dateOf, edgeSources, required, sourcesOf } from '../graph/node-fields.js';
import { isRecordOf, type EdgeRecord, type NodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { peopleQuery } from './cypher.js';
import type { PersonContext } from './loaders.js';

/** The people a person met, most shared meetings first; shared by `Person.metWith` and `whoMetWhom`. */
export function metWithConnection(ctx: PersonContext, personId: string, args: PageArgs) {
  const scope = listScope('metWith', personId);
  const window = pageWindow(args, scope, 20, 2);
  return connection(
    async () => {
      const answer = await ctx.loaders.metWithPage.load({ parentId: personId, window });
      const people = answer.rows.flatMap((row) => (isRecordOf('Person', row.node) ? [{ ...row, node: row.node }] : []));
      const page = pageFromRows(people, window, scope, answer.probes);
      for (const edge of page.edges) edge.rel.personId = personId;
      return page;
    },
    () => ctx.loaders.metWithCount.load(personId),
  );
}

/** The meetings two people both attended, in date order: the `meetings` of a MetWithEdge. */
function sharedMeetingsConnection(ctx: PersonContext, edge: EdgeRecord, args: PageArgs) {
  const where = `met-with edge of ${edge.node.id}`;
  const [a, b] = [required(edge.rel.personId, where, 'personId'), edge.node.id];
  const scope = listScope('sharedMeetings', a, b);
  const window = pageWindow(args, scope, defaultPageSize('MetWithEdge', 'meetings'), 2);
  return connection(
    async () => {
      const answer = await ctx.loaders.sharedMeetings.load({ a, b, window });
      const meetings = answer.rows.flatMap((row) =>
        isRecordOf('Meeting', row.node) ? [{ ...row, node: row.node }] : [],
      );
      return pageFromRows(meetings, window, scope, answer.probes);
    },
    () => Promise.resolve(required(edge.rel.meetingCount, where, 'meetingCount')),
  );
}

/** The fields of an edge that is a HOLDS_POSITION relationship (positions and members). */
const positionEdgeFields = {
  id: (edge: EdgeRecord) => edge.id!,
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
    meetings: (edge, args, ctx) => sharedMeetingsConnection(ctx, edge, args),
  },
};

export type { NodeRecord };
