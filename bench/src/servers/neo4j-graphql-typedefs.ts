/**
 * The graph of src/seed/graph-rows.ts described for @neo4j/graphql 7: the same labels (each type
 * also maps `Node`, so that lookups by id use the `Node.id` uniqueness constraint, as newsgraph's do),
 * the same relationship types and directions, relationship properties as `@relationshipProperties`
 * types, and the full-text index `search` for people.
 */
export const typeDefs = /* GraphQL */ `
  interface Actor {
    id: ID!
    name: String!
  }

  type Participation @relationshipProperties {
    role: String
    sources: [String!]
  }

  type Position @relationshipProperties {
    title: String!
    titleAsReported: String
    startDate: String
    endDate: String
    sources: [String!]
  }

  type Person implements Actor
    @node(labels: ["Person", "Node"])
    @fulltext(indexes: [{ indexName: "search", queryName: "searchPeople", fields: ["name", "description"] }]) {
    id: ID!
    name: String!
    description: String
    aliases: [String!]
    aliasLanguages: [String!]
    sources: [String!]
    positions: [Organization!]! @relationship(type: "HOLDS_POSITION", direction: OUT, properties: "Position")
    meetings: [Meeting!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    statements: [Statement!]! @relationship(type: "STATED", direction: OUT)
  }

  type Organization implements Actor @node(labels: ["Organization", "Node"]) {
    id: ID!
    name: String!
    kind: String!
    description: String
    aliases: [String!]
    sources: [String!]
    members: [Person!]! @relationship(type: "HOLDS_POSITION", direction: IN, properties: "Position")
    parent: [Organization!]! @relationship(type: "PART_OF", direction: OUT)
    basedIn: [Place!]! @relationship(type: "BASED_IN", direction: OUT)
    meetings: [Meeting!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    statements: [Statement!]! @relationship(type: "STATED", direction: OUT)
  }

  type Place @node(labels: ["Place", "Node"]) {
    id: ID!
    name: String!
    kind: String!
    aliases: [String!]
    sources: [String!]
    locatedIn: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
    meetings: [Meeting!]! @relationship(type: "HELD_IN", direction: IN)
  }

  type Meeting @node(labels: ["Meeting", "Node"]) {
    id: ID!
    name: String!
    kind: String!
    description: String
    date: String
    dateOrder: String
    endDate: String
    datePrecision: String
    sources: [String!]
    place: [Place!]! @relationship(type: "HELD_IN", direction: OUT)
    partOf: [Meeting!]! @relationship(type: "PART_OF", direction: OUT)
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
    topics: [Topic!]! @relationship(type: "ABOUT", direction: OUT)
    statements: [Statement!]! @relationship(type: "MADE_AT", direction: IN)
  }

  type Statement @node(labels: ["Statement", "Node"]) {
    id: ID!
    text: String!
    summary: String
    language: String
    kind: String
    date: String
    dateOrder: String
    sources: [String!]
    occasion: [Meeting!]! @relationship(type: "MADE_AT", direction: OUT)
    speaker: [Actor!]! @relationship(type: "STATED", direction: IN)
    topics: [Topic!]! @relationship(type: "ABOUT", direction: OUT)
    reportedIn: [Article!]! @relationship(type: "REPORTED_IN", direction: OUT)
  }

  type Article @node(labels: ["Article", "Node"]) {
    id: ID!
    headline: String!
    sourceFile: String
    language: String
    date: String
    sources: [String!]
    publisher: [Organization!]! @relationship(type: "PUBLISHED_BY", direction: OUT)
  }

  type Topic @node(labels: ["Topic", "Node"]) {
    id: ID!
    name: String!
    description: String
    sources: [String!]
  }
`;
