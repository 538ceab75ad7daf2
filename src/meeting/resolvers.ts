/** Meeting: lookups, the `meetings` list, where and when, who took part, what was said there. */
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../query/list.js';
import { dateOf, edgeSources, required, sourcesOf } from '../graph/node-fields.js';
import type { EdgeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { meetingsQuery } from './cypher.js';

const participationEdgeFields = {
  role: (edge: EdgeRecord) => edge.rel.role ?? null,
  sources: edgeSources,
};

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: lookup('Meeting'),
    meetings: (_parent, args, ctx, info) => listConnection(ctx, meetingsQuery(args.filter, args.orderBy), args, info),
  },
  Meeting: {
    ...relationResolvers('Meeting'),
    kind: (meeting) => required(meeting.kind, meeting.id, 'kind'),
    description: (meeting) => meeting.description ?? null,
    date: (meeting) => dateOf(meeting.date),
    endDate: (meeting) => dateOf(meeting.endDate),
    duration: (meeting) => meeting.duration ?? null,
    durationQualifier: (meeting) => meeting.durationQualifier ?? null,
    sources: sourcesOf,
  },
  ParticipationEdge: participationEdgeFields,
  ParticipantEdge: participationEdgeFields,
};
