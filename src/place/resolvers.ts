/** Place: lookups, the `places` list, what lies where, and the meetings held there. */
import { expansionConnection, expansionSingle } from '../graph/connection.js';
import { listConnection } from '../graph/list.js';
import { aliasesOf, sourcesOf } from '../graph/node-fields.js';
import type { PlaceKind, Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { placesQuery } from './cypher.js';

export const placeResolvers: Resolvers = {
  Query: {
    place: lookup('Place'),
    places: (_parent, args, ctx, info) => listConnection(ctx, placesQuery(args.filter, args.orderBy), args, info),
  },
  Place: {
    kind: (place) => place.kind as PlaceKind,
    aliases: aliasesOf,
    sources: sourcesOf,
    locatedIn: async (place, _args, ctx) => (await expansionSingle(ctx, 'placeLocatedIn', place.id))?.node ?? null,
    contains: (place, args, ctx, info) => expansionConnection(ctx, 'placeContains', place.id, args, info),
    meetings: (place, args, ctx, info) => expansionConnection(ctx, 'placeMeetings', place.id, args, info),
    mentionedIn: (place, args, ctx, info) => expansionConnection(ctx, 'mentionedIn', place.id, args, info),
  },
};
