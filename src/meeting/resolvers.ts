/** Meeting: lookups, the `meetings` list, where and when, who took part, what was said there. */
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../graph/list.js';
import { dateOf, edgeSources, sourcesOf } from '../graph/node-fields.js';
import type { EdgeRecord } from '../graph/records.js';
import type { DurationQualifier, MeetingKind, Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { meetingsQuery } from './cypher.js';

const participationEdgeFields = {
  role: (edge: EdgeRecord) => (edge.rel.role as string | undefined) ?? null,
  sources: edgeSources,
};

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: lookup('Meeting'),
    meetings: (_parent, args, ctx, info) => listConnection(ctx, meetingsQuery(args.filter, args.orderBy), args, info),
  },
  Meeting: {
    ...relationResolvers('Meeting'),
    kind: (meeting) => meeting.kind as MeetingKind,
    description: (meeting) => (meeting.description as string | undefined) ?? null,
    date: (meeting) => dateOf(meeting.date),
    endDate: (meeting) => dateOf(meeting.endDate),
    duration: (meeting) => (meeting.duration as string | undefined) ?? null,
    durationQualifier: (meeting) => (meeting.durationQualifier as DurationQualifier | undefined) ?? null,
    sources: sourcesOf,
  },
  ParticipationEdge: participationEdgeFields,
  ParticipantEdge: participationEdgeFields,
};
