/** Place: lookups, the `places` list, what lies where, and the meetings held there. */
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../query/list.js';
import { aliasesOf, required, sourcesOf } from '../graph/node-fields.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { placesQuery } from './cypher.js';

export const placeResolvers: Resolvers = {
  Query: {
    place: lookup('Place'),
    places: (_parent, args, ctx, info) => listConnection(ctx, placesQuery(args.filter, args.orderBy), args, info),
  },
  Place: {
    ...relationResolvers('Place'),
    kind: (place) => required(place.kind, place.id, 'kind'),
    aliases: aliasesOf,
    sources: sourcesOf,
  },
};
