/**
 * Streaming reads: records handed on one by one as Neo4j sends them (the driver pulls the next batch
 * only when the consumer has taken the last one), so that exporting a graph of millions of elements
 * never holds it in memory. Auto-commit, in READ access mode, like every other read.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypherParams, type Params } from './database.js';

export async function* streamRecords<T extends Record<string, unknown>>(
  driver: Driver,
  database: string | undefined,
  cypher: string,
  params: Params = {},
): AsyncGenerator<T> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, database, bookmarkManager: undefined });
  try {
    const result = session.run<T>(cypher, cypherParams(params));
    for await (const record of result) yield record.toObject();
  } finally {
    await session.close();
  }
}
