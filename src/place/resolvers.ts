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
    places: (_parent, args, ctx) => listConnection(ctx, placesQuery(args.filter, args.orderBy), args),
  },
  Place: {
    kind: (place) => place.kind as PlaceKind,
    aliases: aliasesOf,
    sources: sourcesOf,
    locatedIn: async (place, _args, ctx) => (await expansionSingle(ctx, 'placeLocatedIn', place.id))?.node ?? null,
    contains: (place, args, ctx) => expansionConnection(ctx, 'placeContains', place.id, args),
    meetings: (place, args, ctx) => expansionConnection(ctx, 'placeMeetings', place.id, args),
    mentionedIn: (place, args, ctx) => expansionConnection(ctx, 'mentionedIn', place.id, args),
  },
};
