/**
 * A newsgraph client for a frontend: urql with graphcache, a normalised cache configured from the
 * schema (cache.ts), fragments on `Node`, and pages that merge as a list grows. The README's
 * "For frontends" section shows this file; test/frontend.test.ts runs it against a real server.
 */
import {
  Client,
  fetchExchange,
  gql,
  type AnyVariables,
  type OperationResult,
  type TypedDocumentNode,
} from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { keys, resolvers } from './cache.js';
import schema from './generated/schema.js';

export interface NewsgraphClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** Headers on every request, e.g. `{ authorization: 'Bearer …' }` when the server has READ_TOKENS. */
  headers?: Record<string, string>;
  /** A fetch of your own (the default is the global one). */
  fetch?: typeof fetch;
}

export function createNewsgraphClient({ url, headers, fetch }: NewsgraphClientOptions): Client {
  return new Client({
    url,
    fetch,
    fetchOptions: headers ? { headers } : undefined,
    // POST always: a long query never meets URL limits (the server refuses URLs over 16 KB), and a
    // JSON body is not a "simple" request, so a browser asks first (CORS_ORIGINS answers it).
    preferGetMethod: false,
    exchanges: [
      cacheExchange({
        // The schema tells graphcache which types implement Node and which belong to a union, so a
        // fragment on `Node` matches a Person exactly instead of by guesswork.
        schema,
        keys,
        resolvers,
      }),
      fetchExchange,
    ],
  });
}

/** What a list or a drawing needs of any node, whatever its type: no fragment per type. */
export const NodeLabel = gql`
  fragment NodeLabel on Node {
    __typename
    id
    displayName
    nodeType
  }
`;

export interface NodeLabelFields {
  __typename: string;
  id: string;
  displayName: string;
  nodeType: string;
}

/** A node's label from the NodeLabel fragment. */
export const label = (node: NodeLabelFields): string => node.displayName;

export const PageFields = gql`
  fragment PageFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export interface PagingVariables {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

export interface PersonPage {
  person:
    | (NodeLabelFields & {
        description: string | null;
        aliases: { name: string; language: string }[];
        statements: Connection<NodeLabelFields & { date: { iso: string; precision: string } | null }>;
      })
    | null;
}

/** A person's page: the person, and their statements a page at a time. */
export const PersonPageQuery: TypedDocumentNode<PersonPage, { id: string } & PagingVariables> = gql`
  query PersonPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    person(id: $id) {
      ...NodeLabel
      description
      aliases {
        name
        language
      }
      statements(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges {
          cursor
          node {
            ...NodeLabel
            date {
              iso
              precision
            }
          }
        }
        pageInfo {
          ...PageFields
        }
      }
    }
  }
  ${NodeLabel}
  ${PageFields}
`;

export interface PeoplePage {
  people: Connection<NodeLabelFields & { description: string | null }>;
}

/** Everyone, by name, a page at a time. */
export const PeopleQuery: TypedDocumentNode<PeoplePage, PagingVariables> = gql`
  query People($first: Int, $after: String, $last: Int, $before: String) {
    people(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          ...NodeLabel
          description
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
  ${NodeLabel}
  ${PageFields}
`;

export interface SearchPage {
  search: Omit<Connection<NodeLabelFields>, 'edges'> & {
    edges: {
      cursor: string;
      node: NodeLabelFields;
      score: number;
      matchedField: string | null;
      matchedText: string | null;
    }[];
  };
}

/** Full-text search, best first, a page at a time: each hit with its score and the text that matched. */
export const SearchQuery: TypedDocumentNode<SearchPage, { text: string } & PagingVariables> = gql`
  query Search($text: String!, $first: Int, $after: String, $last: Int, $before: String) {
    search(text: $text, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        score
        matchedField
        matchedText
        node {
          ...NodeLabel
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
  ${NodeLabel}
  ${PageFields}
`;

/**
 * The variables that fetch the page after this one, or null at the end. With relayPagination the
 * answer to them is the whole list so far, this page's edges followed by the next's.
 */
export function nextPage(pageInfo: PageInfo, size: number): PagingVariables | null {
  return pageInfo.hasNextPage && pageInfo.endCursor ? { first: size, after: pageInfo.endCursor } : null;
}

/** The variables that fetch the page before this one, or null at the start (merged in front of it). */
export function previousPage(pageInfo: PageInfo, size: number): PagingVariables | null {
  return pageInfo.hasPreviousPage && pageInfo.startCursor ? { last: size, before: pageInfo.startCursor } : null;
}

/**
 * Pages a connection to its end (forward: from the start with `first`; backward: from the end with
 * `last`) and returns the last answer, which holds the whole list, merged by the cache in list order.
 * `pick` finds the connection in an answer.
 */
export async function loadAll<Data, Variables extends AnyVariables & PagingVariables>(
  client: Client,
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pick: (data: Data) => Connection<unknown>,
): Promise<Data> {
  const backward = variables.last !== undefined;
  const size = (backward ? variables.last : variables.first) ?? 20;
  const following = (pageInfo: PageInfo) => (backward ? previousPage(pageInfo, size) : nextPage(pageInfo, size));
  let result = ensureData(await client.query(query, variables).toPromise());
  for (let more = following(pick(result).pageInfo); more; more = following(pick(result).pageInfo)) {
    result = ensureData(await client.query(query, { ...variables, ...more }).toPromise());
  }
  return result;
}

/** The data of an answer, or its error (network or GraphQL) thrown. */
export function ensureData<Data>(result: OperationResult<Data>): Data {
  if (result.error) throw result.error;
  if (!result.data) throw new Error('The server sent no data.');
  return result.data;
}
