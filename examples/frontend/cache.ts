/**
 * How a normalising cache should store newsgraph's answers, read from the schema itself
 * (generated/schema.ts, which `npm run codegen` writes from schema/*.graphql), so that a type added
 * to the schema is covered without anyone remembering to list it here.
 *
 * - Every type with an `id` that names one thing in the graph (every `Node`) is an entity, stored
 *   once under `Type:id` and updated in place whichever query brings it.
 * - Every object type without an `id` (PartialDate, Alias, PageInfo, Path, the connections and their
 *   edges, …) is a value: `keys: { X: () => null }`, kept inside the entity or query that holds it.
 * - A few types have an `id` that is not the identity of one thing: they are values too (below).
 * - Every field returning a `…Connection` with an `after` argument merges its pages
 *   (graphcache's relayPagination), except connections whose edges can repeat a node (below).
 */
import type { KeyingConfig, ResolverConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { IntrospectionObjectType, IntrospectionTypeRef } from 'graphql';
import schema from './generated/schema.js';

/**
 * Types whose `id` field does not identify one thing, with the reason. A cache keyed by it would
 * let one answer overwrite another.
 */
export const idIsNotIdentity: Readonly<Record<string, string>> = {
  NetworkNode:
    "its id is the underlying node's, but its measures (PageRank, community, …) belong to one network: " +
    'two networks (another window, kind or topic) would overwrite each other',
  NetworkCommunity: 'its id is its rank within one network (0 is the largest): every network has a community 0',
};

/**
 * Types outside `Node` whose `id` does identify one thing, kept as entities (keyed by id), with the
 * reason. Every non-Node type with an `id` must be here or in idIsNotIdentity (the test checks it).
 */
export const identifiedOutsideNode: Readonly<Record<string, string>> = {
  PositionEdge: 'its id is the position itself (person, HOLDS_POSITION, organization, title): unique and stable',
  MemberEdge: 'its id is the position itself (person, HOLDS_POSITION, organization, title): unique and stable',
  GraphRelationship:
    'its id is start id, type, end id and, for a type that can repeat between two nodes (a position), ' +
    'its key (the title): unique and stable',
};

/**
 * Connections whose edges can lead to the same node twice (two positions in one organization, with
 * different titles or dates). relayPagination drops an edge whose node it has already seen, so these
 * are not merged: each page is cached on its own and the page list is the application's to keep.
 */
export const connectionsRepeatingNodes: Readonly<Record<string, string>> = {
  PositionConnection: 'a person can hold several positions in one organization',
  MemberConnection: 'an organization can have one person in several positions',
};

/** The root types: graphcache keys them itself. */
const rootTypes = new Set(
  [schema.__schema.queryType, schema.__schema.mutationType, schema.__schema.subscriptionType].flatMap((root) =>
    root ? [root.name] : [],
  ),
);

const allObjectTypes = schema.__schema.types.filter(
  (type): type is IntrospectionObjectType => type.kind === 'OBJECT' && !type.name.startsWith('__'),
);
const objectTypes = allObjectTypes.filter((type) => !rootTypes.has(type.name));

/** The object types a cache must store as values: no `id`, or an `id` that is not an identity. */
export const valueTypes: readonly string[] = objectTypes
  .filter((type) => !type.fields.some((field) => field.name === 'id') || type.name in idIsNotIdentity)
  .map((type) => type.name)
  .sort();

/** graphcache's `keys`: every value type embedded in its parent; everything else by `id` (the default). */
export const keys: KeyingConfig = Object.fromEntries(valueTypes.map((name) => [name, () => null]));

const namedType = (ref: IntrospectionTypeRef): string =>
  'ofType' in ref && ref.ofType ? namedType(ref.ofType) : (ref as { name: string }).name;

/**
 * graphcache's `resolvers`: relayPagination on every paginated connection field, so that asking for
 * the next page (`after: endCursor`) gives the list so far with the new page appended.
 * Issue 10 item 1 adds `last`/`before`: relayPagination merges backward pages too, with no change here.
 */
export const resolvers: ResolverConfig = Object.fromEntries(
  allObjectTypes
    .map((type) => {
      const paged = type.fields.filter((field) => {
        const target = namedType(field.type);
        return (
          target.endsWith('Connection') &&
          !(target in connectionsRepeatingNodes) &&
          field.args.some((arg) => arg.name === 'after')
        );
      });
      return [type.name, Object.fromEntries(paged.map((field) => [field.name, relayPagination()]))] as const;
    })
    .filter(([, fields]) => Object.keys(fields).length > 0),
);
