/** The tabs the playground opens with: one example per kind of question, over the Geneva article's data. */
export interface Example {
  query: string;
  variables?: string;
}

export const examples: Example[] = [
  {
    query: `# A person, their positions, and what they said
# where, according to which article.
#
# Run: the ▶ button or Ctrl-Enter. Left sidebar:
# Docs (every type and field) and the Explorer
# (build a query by clicking fields). Request
# headers (e.g. a write token) go under Headers.
# The graph explorer is at /explore.
query Person($id: ID! = "person:sergei-ryabkov") {
  person(id: $id) {
    name
    description
    positions { edges { title node { name } } }
    statements(first: 5) {
      totalCount
      nodes {
        date { iso precision }
        kind
        summary
        occasion { name }
        reportedIn { paragraph article { headline url } }
      }
    }
  }
}
`,
  },
  {
    query: `# Who took part in a meeting, in which role, and where it was held.
query MeetingParticipants($id: ID! = "meeting:us-russia-talks-geneva-2022-01-10") {
  meeting(id: $id) {
    name
    date { iso precision }
    place { name }
    participants(first: 20) {
      totalCount
      edges { role node { id displayName nodeType } }
    }
  }
}
`,
  },
  {
    query: `# Full-text search over names, aliases, statements and headlines (whole words and word forms),
# best first; pass pageInfo.endCursor as \`after\` for the next page.
query Search($text: String! = "Jenewa", $after: String) {
  search(text: $text, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      score
      matchedField
      matchedText
      node { id displayName nodeType }
    }
  }
}
`,
  },
  {
    query: `# How two nodes are connected: a shortest path, with the relationships on it.
query ShortestPath($from: ID! = "person:wendy-sherman", $to: ID! = "organization:nato") {
  shortestPath(from: $from, to: $to, maxHops: 6) {
    length
    nodes { id displayName nodeType }
    relationships { type from { id } to { id } title role sources { nodes { id } } }
  }
}
`,
  },
  {
    query: `# Everything within two hops of a place, ready to draw (the /explore page draws it).
query Neighborhood($of: ID! = "place:geneva") {
  neighborhood(of: $of, depth: 2, limit: 100) {
    truncated
    nodes { id displayName nodeType }
    relationships { type from { id } to { id } title role sources { nodes { id } } }
  }
}
`,
  },
];
