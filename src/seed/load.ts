/**
 * Writes graph rows into Neo4j: constraints and indexes first, then batched `UNWIND … MERGE`
 * in write transactions. Idempotent: a second load of the same rows changes nothing.
 * Labels and relationship types come only from the allow-lists of graph-rows.ts.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { cypherParams } from '../db/database.js';
import {
  labels,
  relationshipTypes,
  type GraphRows,
  type Label,
  type NodeRow,
  type RelationshipRow,
  type RelationshipType,
} from './graph-rows.js';

export const fullTextIndex = 'search';

/** Constraints and indexes the API relies on; each statement is a no-op when it already exists. */
export const schemaStatements = [
  'CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE',
  'CREATE TEXT INDEX node_name_text IF NOT EXISTS FOR (n:Node) ON (n.name)',
  'CREATE RANGE INDEX node_name IF NOT EXISTS FOR (n:Node) ON (n.name)',
  'CREATE RANGE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)',
  'CREATE RANGE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date)',
  'CREATE RANGE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date)',
  'CREATE RANGE INDEX meeting_date_order IF NOT EXISTS FOR (n:Meeting) ON (n.dateOrder)',
  'CREATE RANGE INDEX statement_date_order IF NOT EXISTS FOR (n:Statement) ON (n.dateOrder)',
  'CREATE RANGE INDEX article_date_order IF NOT EXISTS FOR (n:Article) ON (n.dateOrder)',
  'CREATE RANGE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind)',
  'CREATE RANGE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind)',
  `CREATE FULLTEXT INDEX ${fullTextIndex} IF NOT EXISTS
     FOR (n:Person|Organization|Place|Meeting|Statement|Article|Topic)
     ON EACH [n.name, n.aliases, n.text, n.summary, n.headline, n.description]`,
];

export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  for (const statement of schemaStatements) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}

const nodeCypher = (label: Label) => `
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n:${label}
SET n += row.props
SET n.sources = coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])]
WITH n, row, [i IN range(0, size(coalesce(n.aliases, [])) - 1) | n.aliasLanguages[i] + ' ' + n.aliases[i]] AS have
WITH n, [a IN row.aliases WHERE NOT (a.language + ' ' + a.name) IN have] AS fresh
FOREACH (_ IN CASE WHEN size(fresh) > 0 THEN [1] ELSE [] END |
  SET n.aliases = coalesce(n.aliases, []) + [a IN fresh | a.name],
      n.aliasLanguages = coalesce(n.aliasLanguages, []) + [a IN fresh | a.language])
RETURN count(*) AS written`;

const relationshipCypher = (type: RelationshipType) => {
  const key = relationshipTypes[type];
  const pattern = key ? `[r:${type} {${key}: row.props.${key}}]` : `[r:${type}]`;
  return `
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-${pattern}->(b)
SET r += row.props
SET r.sources = coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])]
RETURN count(*) AS written`;
};

export interface LoadCounts {
  nodeRows: number;
  relationshipRows: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
}

export interface LoadOptions {
  database?: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /**
   * `single`: everything in one write transaction, so a failure writes nothing (seed files).
   * `batched`: one transaction per batch, for inputs too large for one transaction (synthetic graphs);
   * a failed run is repaired by running it again, since every write is a MERGE.
   */
  transaction?: 'single' | 'batched';
  onProgress?: (done: number, total: number) => void;
}

interface Batch {
  cypher: string;
  rows: (NodeRow | RelationshipRow)[];
}

function batchesOf(graph: GraphRows, size: number): Batch[] {
  const batches: Batch[] = [];
  const push = (cypher: string, rows: (NodeRow | RelationshipRow)[]) => {
    for (let start = 0; start < rows.length; start += size)
      batches.push({ cypher, rows: rows.slice(start, start + size) });
  };
  // Nodes first, so that every relationship finds both of its ends.
  for (const label of labels)
    push(
      nodeCypher(label),
      graph.nodes.filter((row) => row.label === label),
    );
  for (const type of Object.keys(relationshipTypes) as RelationshipType[]) {
    push(
      relationshipCypher(type),
      graph.relationships.filter((row) => row.type === type),
    );
  }
  return batches;
}

async function runBatch(tx: ManagedTransaction, batch: Batch, counts: LoadCounts): Promise<void> {
  const result = await tx.run<{ written: number }>(batch.cypher, cypherParams({ rows: batch.rows }));
  const written = Number(result.records[0]?.get('written') ?? 0);
  if (written !== batch.rows.length) {
    // Validation makes this unreachable; if it happens, roll back rather than write part of a fact.
    throw new Error(`wrote ${written} of ${batch.rows.length} rows: a referenced node is missing`);
  }
  const updates = result.summary.counters.updates();
  counts.nodesCreated += updates.nodesCreated;
  counts.relationshipsCreated += updates.relationshipsCreated;
  counts.propertiesSet += updates.propertiesSet;
  counts.labelsAdded += updates.labelsAdded;
}

export async function loadGraph(driver: Driver, graph: GraphRows, options: LoadOptions = {}): Promise<LoadCounts> {
  const batches = batchesOf(graph, options.batchSize ?? 5000);
  const total = graph.nodes.length + graph.relationships.length;
  const counts: LoadCounts = {
    nodeRows: graph.nodes.length,
    relationshipRows: graph.relationships.length,
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    labelsAdded: 0,
  };
  let done = 0;
  const session = driver.session({ database: options.database, defaultAccessMode: 'WRITE' });
  try {
    if ((options.transaction ?? 'single') === 'single') {
      const tally = { ...counts };
      await session.executeWrite(async (tx) => {
        // A retried transaction starts its tally again.
        Object.assign(tally, counts);
        done = 0;
        for (const batch of batches) {
          await runBatch(tx, batch, tally);
          done += batch.rows.length;
          options.onProgress?.(done, total);
        }
      });
      return tally;
    }
    for (const batch of batches) {
      await session.executeWrite((tx) => runBatch(tx, batch, counts));
      done += batch.rows.length;
      options.onProgress?.(done, total);
    }
    return counts;
  } finally {
    await session.close();
  }
}

/** Which of `ids` already exist in the graph. */
export async function existingIds(driver: Driver, ids: string[], database?: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { records } = await driver.executeQuery(
    'MATCH (n:Node) WHERE n.id IN $ids RETURN n.id AS id',
    { ids },
    { database, routing: 'READ' },
  );
  return new Set(records.map((record) => record.get('id') as string));
}

/** Deletes every node and relationship, in batches (constraints and indexes stay). */
export async function resetGraph(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

export async function countGraph(driver: Driver, database?: string): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { database, routing: 'READ' },
  );
  return { nodes: Number(records[0]?.get('nodes')), relationships: Number(records[0]?.get('relationships')) };
}
