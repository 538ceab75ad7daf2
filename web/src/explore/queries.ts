/** The explorer's GraphQL documents: it reads only the public API, as any client could. */

export interface PartialDate {
  iso: string;
  earliest: string;
  latest: string;
}

/** A node as drawn: its type, id, display name and, for dated kinds, its date. */
export interface GraphNode {
  __typename: string;
  id: string;
  displayName: string;
  name?: string;
  organizationKind?: string;
  placeKind?: string;
  meetingKind?: string;
  statementKind?: string;
  headline?: string;
  summary?: string;
  date?: PartialDate | null;
}

export interface GraphEdge {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  title?: string | null;
  role?: string | null;
}

export interface Subgraph {
  nodes: GraphNode[];
  relationships: GraphEdge[];
  truncated?: boolean;
}

const DATE = 'date { iso earliest latest }';

/**
 * What the graph needs of every node, whatever its type: its label is `displayName`, a field of `Node`;
 * the fragments add each type's `kind` (an enum of its own, hence the aliases) and dates, for styling and
 * the date filter.
 */
export const NODE_FIELDS = `
  __typename
  id
  displayName
  ... on Person { name }
  ... on Organization { name organizationKind: kind }
  ... on Place { name placeKind: kind }
  ... on Topic { name }
  ... on Meeting { name meetingKind: kind ${DATE} }
  ... on Statement { summary statementKind: kind ${DATE} }
  ... on Article { headline ${DATE} }
`;

/** The same, where the field's type is one kind of node (spreading other kinds there would not validate). */
const ANY_NODE = `... on Node { ${NODE_FIELDS} }`;

const SUBGRAPH_FIELDS = `
  nodes { ${NODE_FIELDS} }
  relationships { id type from { id } to { id } title role }
`;

export const NEIGHBORHOOD = `
  query ExplorerNeighborhood($of: ID!, $depth: Int!, $limit: Int!, $types: [RelationshipType!]) {
    neighborhood(of: $of, depth: $depth, limit: $limit, relationshipTypes: $types) {
      truncated
      ${SUBGRAPH_FIELDS}
    }
  }
`;

export const SHORTEST_PATH = `
  query ExplorerShortestPath($from: ID!, $to: ID!, $types: [RelationshipType!]) {
    shortestPath(from: $from, to: $to, maxHops: 8, relationshipTypes: $types) {
      length
      ${SUBGRAPH_FIELDS}
    }
  }
`;

/** Type-ahead: whole-word full-text search plus name prefixes, so a half-typed name already matches. */
export const SUGGEST = `
  query ExplorerSuggest($text: String!, $words: Boolean!) {
    search(text: $text, types: [PERSON, ORGANIZATION, PLACE, MEETING, TOPIC], first: 8) @include(if: $words) {
      nodes { ${NODE_FIELDS} }
    }
    people(filter: { nameContains: $text }, first: 5) { nodes { ${ANY_NODE} } }
    organizations(filter: { nameContains: $text }, first: 5) { nodes { ${ANY_NODE} } }
    places(filter: { nameContains: $text }, first: 3) { nodes { ${ANY_NODE} } }
    meetings(filter: { nameContains: $text }, first: 3) { nodes { ${ANY_NODE} } }
  }
`;

const ACTOR_NAME = '__typename id ... on Person { name } ... on Organization { name }';

export interface StatementView {
  id: string;
  text: string;
  summary: string;
  kind: string;
  date: PartialDate | null;
  speaker: { __typename: string; id: string; name: string };
  occasion: { id: string; name: string; date: PartialDate | null } | null;
  reportedIn: { paragraph: number; article: { id: string; headline: string; url: string | null } } | null;
}

const STATEMENT_FIELDS = `
  id text summary kind ${DATE}
  speaker { ${ACTOR_NAME} }
  occasion { id name ${DATE} }
  reportedIn { paragraph article { id headline url } }
`;

export interface NodeDetails extends GraphNode {
  description?: string | null;
  text?: string;
  aliases?: { name: string; language: string }[];
  sources: { nodes: { id: string; headline: string }[] };
}

export const DETAILS = `
  query ExplorerDetails($id: ID!, $statements: StatementFilter!) {
    node(id: $id) {
      ${NODE_FIELDS}
      sources(first: 5) { nodes { id headline } }
      ... on Person { description aliases { name language } }
      ... on Organization { description aliases { name language } }
      ... on Place { aliases { name language } }
      ... on Meeting { description }
      ... on Statement { text }
    }
    statements(filter: $statements, first: 50) {
      totalCount
      nodes { ${STATEMENT_FIELDS} }
    }
  }
`;
