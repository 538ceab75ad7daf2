/**
 * Server (c)'s answers: one hand-written Cypher query per request, shaped in plain code into the
 * same JSON as newsgraph's answer to the scenario's GraphQL query (see ../scenarios.ts).
 */
import neo4j, { type Driver } from 'neo4j-driver';

type Vars = Record<string, unknown>;
type Row = Record<string, unknown>;

/**
 * An auto-commit query in READ access mode: one round trip (RUN and PULL), the floor for a read.
 * Like newsgraph's reads (src/db/database.ts), it starts the query with no stack trace for the
 * driver to capture and format.
 */
async function read(driver: Driver, cypher: string, params: Vars): Promise<Row[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let result;
    try {
      result = session.run(cypher, params);
    } finally {
      Error.stackTraceLimit = limit;
    }
    const { records } = await result;
    return records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

const int = (n: number) => neo4j.int(n);

const personCypher = `
MATCH (n:Node {id: $id}) WHERE n:Person
RETURN n.id AS id, n.name AS name, n.description AS description`;

const nestedCypher = `
MATCH (p:Node {id: $id}) WHERE p:Person
CALL (p) {
  MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)
  WITH m ORDER BY coalesce(m.dateOrder, ''), m.id LIMIT 10
  CALL (m) {
    MATCH (m)<-[:PARTICIPATED_IN]-(a:Node)
    WITH a ORDER BY coalesce(a.name, ''), a.id LIMIT 10
    CALL (a) {
      MATCH (a:Person)-[:HOLDS_POSITION]->(o:Organization)
      WITH o ORDER BY coalesce(o.name, ''), o.id LIMIT 5
      RETURN collect(o {.id, .name}) AS positions
    }
    RETURN collect({person: a:Person, id: a.id, name: a.name, positions: positions}) AS participants
  }
  RETURN collect(m {.id, .name, participants: participants}) AS meetings
}
RETURN p.id AS id, p.name AS name, meetings`;

const personPageCypher = `
MATCH (p:Node {id: $id}) WHERE p:Person
CALL (p) {
  MATCH (p)-[r:HOLDS_POSITION]->(o:Organization)
  WITH r, o ORDER BY toLower(coalesce(o.name, '')), o.id LIMIT 10
  RETURN collect({title: r.title, id: o.id, name: o.name}) AS positions
}
CALL (p) {
  MATCH (p)-[:STATED]->(s:Statement)
  WITH s ORDER BY coalesce(s.dateOrder, ''), s.id LIMIT 10
  CALL (s) {
    MATCH (s)-[:MADE_AT]->(m:Meeting)
    WITH m ORDER BY coalesce(m.dateOrder, ''), m.id LIMIT 1
    RETURN collect(m {.id, .name}) AS occasion
  }
  CALL (s) {
    MATCH (s)<-[:STATED]-(a:Node)
    WITH a ORDER BY toLower(coalesce(a.name, '')), a.id LIMIT 1
    RETURN collect({person: a:Person, id: a.id, name: a.name}) AS speaker
  }
  RETURN collect({id: s.id, summary: s.summary, date: s.date, occasion: occasion[0], speaker: speaker[0]}) AS statements
}
RETURN p.id AS id, p.name AS name, p.description AS description, positions, statements`;

const listCypher = `
MATCH (n:Meeting)
WHERE n.kind = $kind AND n.date >= $from AND n.date <= $to
WITH n ORDER BY n.date, n.id LIMIT 20
RETURN n.id AS id, n.name AS name, n.date AS date,
       COLLECT { MATCH (n)-[:HELD_IN]->(pl:Place) RETURN pl.name ORDER BY pl.name LIMIT 1 } AS place`;

const searchCypher = `
CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
WHERE node:Person
RETURN node.id AS id, node.name AS name, score
LIMIT 10`;

const pathCypher = `
MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN [n IN nodes(p) | n.id] AS ids`;

/**
 * newsgraph's neighbourhood (depth 2, limit $limit) in one query: each level takes the neighbours not
 * yet chosen in id order, one more than there is room for to tell truncation; a truncated level ends
 * the walk; then the relationships among the chosen nodes, at most 10 per node.
 */
const neighborhoodCypher = `
MATCH (c:Node {id: $id})
CALL (c) {
  MATCH (c)-[]-(b:Node)
  WITH DISTINCT b ORDER BY b.id LIMIT $limit
  RETURN collect(b) AS found
}
WITH c, found[0..$limit - 1] AS level1, size(found) > $limit - 1 AS truncated1
CALL (c, level1, truncated1) {
  WITH c, level1 WHERE NOT truncated1
  UNWIND level1 AS a
  MATCH (a)-[]-(b:Node)
  WHERE b <> c AND NOT b IN level1
  WITH DISTINCT b.id AS id ORDER BY id
  RETURN collect(id) AS found
}
WITH c, level1, truncated1, found, $limit - 1 - size(level1) AS room
WITH [c.id] + [x IN level1 | x.id] + found[0..room] AS ids, truncated1 OR size(found) > room AS truncated
CALL (ids) {
  MATCH (a:Node)-[r]->(b:Node)
  WHERE a.id IN ids AND b.id IN ids
  WITH r, a.id AS fromId, type(r) AS relType, b.id AS toId
  ORDER BY fromId, relType, toId, r.title
  LIMIT $maxRelationships
  RETURN collect({from: fromId, type: relType, to: toId, title: r.title}) AS rels
}
RETURN ids, truncated, rels`;

interface RawRelationship {
  from: string;
  type: string;
  to: string;
  title: string | null;
}

/** newsgraph's GraphRelationship.id: start, type, end, and the title of a position. */
const relationshipId = (r: RawRelationship) => `${r.from}|${r.type}|${r.to}${r.title === null ? '' : `|${r.title}`}`;

export const rawHandlers: Record<string, (driver: Driver, vars: Vars) => Promise<unknown>> = {
  async person(driver, vars) {
    const [row] = await read(driver, personCypher, { id: vars.id });
    return { person: row ?? null };
  },

  async nested(driver, vars) {
    const [row] = await read(driver, nestedCypher, { id: vars.id });
    if (!row) return { person: null };
    type Participant = { person: boolean; id: string; name: string; positions: Row[] };
    const meetings = row.meetings as { id: string; name: string; participants: Participant[] }[];
    return {
      person: {
        id: row.id,
        name: row.name,
        meetings: {
          nodes: meetings.map((m) => ({
            id: m.id,
            name: m.name,
            participants: {
              nodes: m.participants.map((a) =>
                a.person
                  ? { __typename: 'Person', id: a.id, name: a.name, positions: { nodes: a.positions } }
                  : { __typename: 'Organization', id: a.id, name: a.name },
              ),
            },
          })),
        },
      },
    };
  },

  async page(driver, vars) {
    const [row] = await read(driver, personPageCypher, { id: vars.id });
    if (!row) return { person: null };
    type Statement = {
      id: string;
      summary: string;
      date: string | null;
      occasion: Row | null;
      speaker: { person: boolean; id: string; name: string };
    };
    return {
      person: {
        id: row.id,
        name: row.name,
        description: row.description,
        positions: {
          edges: (row.positions as { title: string; id: string; name: string }[]).map((p) => ({
            title: p.title,
            node: { id: p.id, name: p.name },
          })),
        },
        statements: {
          nodes: (row.statements as Statement[]).map((s) => ({
            id: s.id,
            summary: s.summary,
            date: s.date === null ? null : { iso: s.date },
            occasion: s.occasion ?? null,
            speaker: {
              __typename: s.speaker.person ? 'Person' : 'Organization',
              id: s.speaker.id,
              name: s.speaker.name,
            },
          })),
        },
      },
    };
  },

  async list(driver, vars) {
    const rows = await read(driver, listCypher, { kind: vars.kind, from: vars.from, to: vars.to });
    return {
      meetings: {
        nodes: rows.map((row) => ({
          id: row.id,
          name: row.name,
          date: { iso: row.date },
          place: (row.place as string[]).length > 0 ? { name: (row.place as string[])[0] } : null,
        })),
      },
    };
  },

  async search(driver, vars) {
    // The same translation as newsgraph's luceneQuery: lowercased words, Lucene's special characters escaped.
    const query = String(vars.text)
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word.length > 0)
      .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
      .join(' ');
    const rows = await read(driver, searchCypher, { query });
    return {
      search: {
        edges: rows.map((row) => ({ score: row.score, node: { __typename: 'Person', id: row.id, name: row.name } })),
      },
    };
  },

  async path(driver, vars) {
    const [row] = await read(driver, pathCypher, { from: vars.from, to: vars.to });
    if (!row) return { shortestPath: null };
    const ids = row.ids as string[];
    return { shortestPath: { length: ids.length - 1, nodes: ids.map((id) => ({ id })) } };
  },

  async neighborhood(driver, vars) {
    const limit = Number(vars.limit);
    const [row] = await read(driver, neighborhoodCypher, {
      id: vars.id,
      limit: int(limit),
      maxRelationships: int(10 * limit + 1),
    });
    if (!row) return { neighborhood: null };
    const rels = row.rels as RawRelationship[];
    return {
      neighborhood: {
        truncated: (row.truncated as boolean) || rels.length > 10 * limit,
        nodes: (row.ids as string[]).map((id) => ({ id })),
        relationships: rels.slice(0, 10 * limit).map((r) => ({ id: relationshipId(r), type: r.type })),
      },
    };
  },
};
