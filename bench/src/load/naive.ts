/**
 * Loader (ii): one record (a node or a relationship) per write transaction, with the same MERGE
 * semantics as the seeder. Timed on a bounded sample (the first nodes of the graph and the
 * relationships among them) on the empty database, then extrapolated; the sample is deleted again.
 */
import type { Driver } from 'neo4j-driver';
import { cypherParams } from '../../../src/db/database.js';
import { relationshipTypes, type GraphRows } from '../../../src/seed/graph-rows.js';
import { ensureSchema } from '../../../src/seed/load.js';
import type { NodeRow, RelationshipRow } from './rows.js';
import { loaderResult, type LoaderResult } from './result.js';

const nodeCypher = (label: string, withAliases: boolean) => `
MERGE (n:Node {id: $id})
SET n:${label}
SET n += $props
SET n.sources = coalesce(n.sources, []) + [s IN $sources WHERE NOT s IN coalesce(n.sources, [])]
${withAliases ? 'SET n.aliases = [a IN $aliases | a.name], n.aliasLanguages = [a IN $aliases | a.language]' : ''}`;

const relationshipCypher = (type: keyof typeof relationshipTypes) => {
  const key = relationshipTypes[type];
  return `
MATCH (a:Node {id: $from})
MATCH (b:Node {id: $to})
MERGE (a)-[r:${type}${key ? ` {${key}: $props.${key}}` : ''}]->(b)
SET r += $props
SET r.sources = coalesce(r.sources, []) + [s IN $sources WHERE NOT s IN coalesce(r.sources, [])]`;
};

export interface NaiveOptions {
  /** The most records to write. */
  records: number;
  /** Stop sampling after this many seconds even if fewer records were written. */
  maxSeconds: number;
}

function sample(graph: GraphRows, records: number): { nodes: NodeRow[]; relationships: RelationshipRow[] } {
  const nodes = graph.nodes.slice(0, Math.ceil(records / 2));
  const ids = new Set(nodes.map((node) => node.id));
  const relationships = graph.relationships
    .filter((rel) => ids.has(rel.from) && ids.has(rel.to))
    .slice(0, records - nodes.length);
  return { nodes, relationships };
}

export async function timeNaiveLoader(
  driver: Driver,
  graph: GraphRows,
  totalRecords: number,
  options: NaiveOptions,
): Promise<LoaderResult> {
  await ensureSchema(driver);
  const { nodes, relationships } = sample(graph, options.records);
  const session = driver.session({ defaultAccessMode: 'WRITE' });
  let written = 0;
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    for (const row of nodes) {
      if (elapsed() > options.maxSeconds) break;
      const params = cypherParams({ id: row.id, props: row.props, sources: row.sources, aliases: row.aliases });
      await session.executeWrite((tx) => tx.run(nodeCypher(row.label, row.aliases.length > 0), params));
      written += 1;
    }
    for (const row of relationships) {
      if (elapsed() > options.maxSeconds) break;
      const params = cypherParams({ from: row.from, to: row.to, props: row.props, sources: row.sources });
      await session.executeWrite((tx) => tx.run(relationshipCypher(row.type), params));
      written += 1;
    }
  } finally {
    await session.close();
  }
  const seconds = elapsed();
  // Leave the database empty for the seeder.
  await driver.executeQuery('MATCH (n:Node) WHERE n.id IN $ids DETACH DELETE n', { ids: nodes.map((n) => n.id) });
  const result = loaderResult(
    'naive (one record per transaction)',
    written,
    seconds,
    `${written} records written (of a sample of ${nodes.length} nodes, then ${relationships.length} relationships among ` +
      `them; at most ${options.maxSeconds} s) on the empty database, then extrapolated to the whole graph`,
  );
  return { ...result, extrapolatedSeconds: totalRecords / result.recordsPerSecond };
}
