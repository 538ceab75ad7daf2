/** Meeting: lookups, the `meetings` list, where and when, who took part, what was said there. */
import { expansionConnection, expansionSingle } from '../graph/connection.js';
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
    kind: (meeting) => meeting.kind as MeetingKind,
    description: (meeting) => (meeting.description as string | undefined) ?? null,
    date: (meeting) => dateOf(meeting.date),
    endDate: (meeting) => dateOf(meeting.endDate),
    duration: (meeting) => (meeting.duration as string | undefined) ?? null,
    durationQualifier: (meeting) => (meeting.durationQualifier as DurationQualifier | undefined) ?? null,
    sources: sourcesOf,
    place: async (meeting, _args, ctx) => (await expansionSingle(ctx, 'meetingPlace', meeting.id))?.node ?? null,
    partOf: async (meeting, _args, ctx) => (await expansionSingle(ctx, 'meetingPartOf', meeting.id))?.node ?? null,
    parts: (meeting, args, ctx, info) => expansionConnection(ctx, 'meetingParts', meeting.id, args, info),
    follows: (meeting, args, ctx, info) => expansionConnection(ctx, 'meetingFollows', meeting.id, args, info),
    followedBy: (meeting, args, ctx, info) => expansionConnection(ctx, 'meetingFollowedBy', meeting.id, args, info),
    participants: (meeting, args, ctx, info) => expansionConnection(ctx, 'meetingParticipants', meeting.id, args, info),
    topics: (meeting, args, ctx, info) => expansionConnection(ctx, 'meetingTopics', meeting.id, args, info),
    statements: (meeting, args, ctx, info) => expansionConnection(ctx, 'meetingStatements', meeting.id, args, info),
    mentionedIn: (meeting, args, ctx, info) => expansionConnection(ctx, 'mentionedIn', meeting.id, args, info),
  },
  ParticipationEdge: participationEdgeFields,
  ParticipantEdge: participationEdgeFields,
};
