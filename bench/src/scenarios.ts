/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return,
   @typescript-eslint/no-explicit-any -- answers are read as loosely typed JSON, as a client (and test/) would */
/**
 * The six scenarios: for each server that takes part, the HTTP request for one input, and a
 * normalizer that turns its answer into a canonical form, so that answers can be compared where
 * the APIs word them differently or leave an order unspecified.
 */
import type { Inputs } from './inputs.js';
import type { ServerKind } from './servers/spawn.js';

export type Vars = Record<string, unknown>;
type Json = any;

export interface HttpRequest {
  /** Appended to the server's URL. */
  path: string;
  body: string;
}

export interface ServerSide {
  request(vars: Vars): HttpRequest;
  /** The canonical form of a parsed JSON answer; throws on a GraphQL error. */
  normalize(answer: Json): unknown;
}

export interface Scenario {
  name: string;
  title: string;
  inputs(inputs: Inputs): Vars[];
  servers: Partial<Record<ServerKind, ServerSide>>;
}

const graphql = (query: string) => (vars: Vars) => ({ path: '', body: JSON.stringify({ query, variables: vars }) });
const raw = (name: string) => (vars: Vars) => ({ path: `/${name}`, body: JSON.stringify(vars) });

function dataOf(answer: Json): Json {
  if (answer?.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors).slice(0, 500)}`);
  if (!answer?.data) throw new Error(`no data in ${JSON.stringify(answer).slice(0, 500)}`);
  return answer.data;
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const sortedIds = (items: { id: string }[]) => items.map((item) => item.id).sort();
/** newsgraph lists positions (one per relationship); @neo4j/graphql lists organizations: compare distinct ids. */
const distinctIds = (items: { id: string }[]) => [...new Set(sortedIds(items))];
const round = (score: number) => Math.round(score * 1e4) / 1e4;

/**
 * Search hits in canonical form: all scores, and the ids of the hits that rank above the lowest
 * score of a full page (hits tied at the cut may legitimately differ between servers).
 */
function searchHits(hits: { id: string; score: number }[], pageSize: number) {
  const scores = hits.map((hit) => round(hit.score)).sort((a, b) => b - a);
  const cut = hits.length === pageSize ? Math.min(...scores) : -Infinity;
  return {
    scores,
    ids: hits
      .filter((hit) => round(hit.score) > cut)
      .map((hit) => hit.id)
      .sort(),
  };
}

// newsgraph and the raw handler answer in the same shape, so they share a normalizer.
function newsgraphAndRaw(name: string, query: string, normalize: (data: Json) => unknown) {
  return {
    newsgraph: { request: graphql(query), normalize: (answer: Json) => normalize(dataOf(answer)) },
    raw: { request: raw(name), normalize: (answer: Json) => normalize(dataOf(answer)) },
  };
}

const nestedNewsgraph = (person: Json) =>
  person && {
    id: person.id,
    name: person.name,
    meetings: person.meetings.nodes
      .map((m: Json) => ({
        id: m.id,
        name: m.name,
        participants: m.participants.nodes
          .map((a: Json) => ({
            type: a.__typename,
            id: a.id,
            name: a.name,
            positions: a.positions ? distinctIds(a.positions.nodes) : null,
          }))
          .sort(byKey((a: Json) => `${a.id}`)),
      }))
      .sort(byKey((m: Json) => `${m.id}`)),
  };

const nestedNeo4jGraphql = (person: Json) =>
  person && {
    id: person.id,
    name: person.name,
    meetings: person.meetings
      .map((m: Json) => ({
        id: m.id,
        name: m.name,
        participants: m.participants
          .map((a: Json) => ({
            type: a.__typename,
            id: a.id,
            name: a.name,
            positions: a.positions ? distinctIds(a.positions) : null,
          }))
          .sort(byKey((a: Json) => `${a.id}`)),
      }))
      .sort(byKey((m: Json) => `${m.id}`)),
  };

/** A person page in canonical form: positions as (organization, title) pairs, statements by id. */
const personPage = (
  person: Json,
  positions: { id: string; title: string }[],
  statements: { id: string; summary: string; date: string | null; occasion: string | null; speaker: string }[],
) =>
  person && {
    id: person.id,
    name: person.name,
    description: person.description ?? null,
    positions: positions.map((p) => `${p.id}|${p.title}`).sort(),
    statements: [...statements].sort(byKey((s) => s.id)),
  };

export const scenarios: Scenario[] = [
  {
    name: 'person',
    title: '1. One entity by id (a person with name and description)',
    inputs: (inputs) => inputs.people.map((id) => ({ id })),
    servers: {
      ...newsgraphAndRaw(
        'person',
        'query ($id: ID!) { person(id: $id) { id name description } }',
        (data) => data.person,
      ),
      'neo4j-graphql': {
        request: graphql('query ($id: ID!) { people(where: { id: { eq: $id } }, limit: 1) { id name description } }'),
        normalize: (answer) => dataOf(answer).people[0] ?? null,
      },
    },
  },
  {
    name: 'nested',
    title: '2. Nested three levels: person → 10 meetings → 10 participants → 5 positions each',
    inputs: (inputs) => inputs.people.map((id) => ({ id })),
    servers: {
      ...newsgraphAndRaw(
        'nested',
        `query ($id: ID!) {
  person(id: $id) {
    id name
    meetings(first: 10) { nodes { id name
      participants(first: 10) { nodes { __typename id name
        ... on Person { positions(first: 5) { nodes { id name } } } } } } }
  }
}`,
        (data) => nestedNewsgraph(data.person),
      ),
      'neo4j-graphql': {
        request: graphql(`
          query ($id: ID!) {
            people(where: { id: { eq: $id } }, limit: 1) {
              id
              name
              meetings(limit: 10, sort: [{ dateOrder: ASC }, { id: ASC }]) {
                id
                name
                participants(limit: 10, sort: [{ name: ASC }, { id: ASC }]) {
                  __typename
                  id
                  name
                  ... on Person {
                    positions(limit: 5, sort: [{ name: ASC }, { id: ASC }]) {
                      id
                      name
                    }
                  }
                }
              }
            }
          }
        `),
        normalize: (answer) => nestedNeo4jGraphql(dataOf(answer).people[0] ?? null),
      },
    },
  },
  {
    name: 'list',
    title: '3. Filtered, paginated list: 20 meetings of a kind in a year, by date, with place name',
    inputs: (inputs) => inputs.meetingFilters,
    servers: {
      ...newsgraphAndRaw(
        'list',
        `query ($kind: MeetingKind!, $from: String!, $to: String!) {
  meetings(filter: { kind: $kind, from: $from, to: $to }, orderBy: { field: DATE, direction: ASC }, first: 20) {
    nodes { id name date { iso } place { name } }
  }
}`,
        (data) =>
          data.meetings.nodes.map((m: Json) => ({ id: m.id, name: m.name, date: m.date?.iso, place: m.place?.name })),
      ),
      'neo4j-graphql': {
        request: graphql(`
          query ($kind: String!, $from: String!, $to: String!) {
            meetings(
              where: { kind: { eq: $kind }, date: { gte: $from, lte: $to } }
              sort: [{ date: ASC }, { id: ASC }]
              limit: 20
            ) {
              id
              name
              date
              place(limit: 1, sort: [{ name: ASC }]) {
                name
              }
            }
          }
        `),
        normalize: (answer) =>
          dataOf(answer).meetings.map((m: Json) => ({ id: m.id, name: m.name, date: m.date, place: m.place[0]?.name })),
      },
    },
  },
  {
    name: 'search',
    title: '4. Full-text search: 10 best-scoring people for a word',
    inputs: (inputs) => inputs.searchWords.map((text) => ({ text })),
    servers: {
      ...newsgraphAndRaw(
        'search',
        'query ($text: String!) { search(text: $text, types: [PERSON], first: 10) { edges { score node { __typename id ... on Person { name } } } } }',
        (data) =>
          searchHits(
            data.search.edges.map((hit: Json) => ({ id: hit.node.id, score: hit.score })),
            10,
          ),
      ),
      'neo4j-graphql': {
        request: graphql(
          'query ($text: String!) { searchPeople(phrase: $text, first: 10) { edges { score node { id name } } } }',
        ),
        normalize: (answer) =>
          searchHits(
            dataOf(answer).searchPeople.edges.map((edge: Json) => ({ id: edge.node.id, score: edge.score })),
            10,
          ),
      },
    },
  },
  {
    name: 'path',
    title: '5. Shortest path between two people (at most 6 hops)',
    inputs: (inputs) => inputs.pairs.map(([from, to]) => ({ from, to })),
    servers: newsgraphAndRaw(
      'path',
      'query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 6) { length nodes { id } } }',
      // Several paths may be shortest: compare lengths and ends.
      (data) => {
        const p = data.shortestPath;
        return p && { length: p.length, from: p.nodes[0]?.id, to: p.nodes.at(-1)?.id, nodes: p.nodes.length };
      },
    ),
  },
  {
    name: 'neighborhood',
    title: '6. Two-hop neighbourhood of a person (at most 100 nodes)',
    inputs: (inputs) => inputs.neighbourhoodCentres.map((id) => ({ id, limit: 100 })),
    servers: newsgraphAndRaw(
      'neighborhood',
      'query ($id: ID!, $limit: Int!) { neighborhood(of: $id, depth: 2, limit: $limit) { truncated nodes { id } relationships { id type } } }',
      (data) => {
        const n = data.neighborhood;
        return n && { truncated: n.truncated, nodes: sortedIds(n.nodes), relationships: sortedIds(n.relationships) };
      },
    ),
  },
  {
    name: 'page',
    title: '7. A person page: the person, positions, 10 statements with occasion and speaker',
    inputs: (inputs) => inputs.people.map((id) => ({ id })),
    servers: {
      ...newsgraphAndRaw(
        'page',
        `query ($id: ID!) {
  person(id: $id) {
    id name description
    positions(first: 10) { edges { title node { id name } } }
    statements(first: 10) {
      nodes { id summary date { iso } occasion { id name } speaker { __typename id name } }
    }
  }
}`,
        (data) =>
          personPage(
            data.person,
            (data.person?.positions.edges ?? []).map((e: Json) => ({ id: e.node.id, title: e.title })),
            (data.person?.statements.nodes ?? []).map((s: Json) => ({
              id: s.id,
              summary: s.summary,
              date: s.date?.iso ?? null,
              occasion: s.occasion?.id ?? null,
              speaker: s.speaker.id,
            })),
          ),
      ),
      'neo4j-graphql': {
        request: graphql(`
          query ($id: ID!) {
            people(where: { id: { eq: $id } }, limit: 1) {
              id
              name
              description
              positionsConnection(first: 10, sort: [{ node: { name: ASC } }]) {
                edges {
                  properties {
                    title
                  }
                  node {
                    id
                    name
                  }
                }
              }
              statements(limit: 10, sort: [{ dateOrder: ASC }, { id: ASC }]) {
                id
                summary
                date
                occasion(limit: 1, sort: [{ dateOrder: ASC }, { id: ASC }]) {
                  id
                  name
                }
                speaker(limit: 1) {
                  __typename
                  id
                  name
                }
              }
            }
          }
        `),
        normalize: (answer) => {
          const person = dataOf(answer).people[0] ?? null;
          return personPage(
            person,
            (person?.positionsConnection.edges ?? []).map((e: Json) => ({ id: e.node.id, title: e.properties.title })),
            (person?.statements ?? []).map((s: Json) => ({
              id: s.id,
              summary: s.summary,
              date: s.date ?? null,
              occasion: s.occasion[0]?.id ?? null,
              speaker: s.speaker[0]?.id,
            })),
          );
        },
      },
    },
  },
];
