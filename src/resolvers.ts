/** Every domain's resolvers, merged into the one map Apollo Server takes. */
import { aboutResolvers } from './about/resolvers.js';
import { articleResolvers } from './article/resolvers.js';
import type { Resolvers } from './generated/graphql.js';
import { ingestResolvers } from './ingest/resolvers.js';
import { meetingResolvers } from './meeting/resolvers.js';
import { networkResolvers } from './network/resolvers.js';
import { nodeResolvers } from './node/resolvers.js';
import { organizationResolvers } from './organization/resolvers.js';
import { personResolvers } from './person/resolvers.js';
import { placeResolvers } from './place/resolvers.js';
import { searchResolvers } from './search/resolvers.js';
import { statementResolvers } from './statement/resolvers.js';
import { timelineResolvers } from './timeline/resolvers.js';
import { topicResolvers } from './topic/resolvers.js';
import { traversalResolvers } from './traversal/resolvers.js';

const domains: Resolvers[] = [
  aboutResolvers,
  nodeResolvers,
  personResolvers,
  organizationResolvers,
  placeResolvers,
  meetingResolvers,
  statementResolvers,
  articleResolvers,
  topicResolvers,
  traversalResolvers,
  searchResolvers,
  timelineResolvers,
  networkResolvers,
  ingestResolvers,
];

/** Merges the domains' maps type by type; a field defined twice is a programming error. */
function merge(maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map as Record<string, Record<string, unknown>>)) {
      merged[type] ??= {};
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in merged[type]) throw new Error(`resolver ${type}.${field} is defined twice`);
        merged[type][field] = resolver;
      }
    }
  }
  return merged;
}

export const resolvers: Resolvers = merge(domains);
