/**
 * `npm start`: with NEO4J_URI unset, starts the project's own Neo4j (src/neo4j/runtime.ts),
 * seeds the bundled seeds/ when the database is empty, and serves GraphQL; Ctrl-C stops both.
 * With NEO4J_URI set, it uses that database and starts nothing.
 */
import { loadConfig } from './config.js';
import { parseCorsOrigins } from './http/cors.js';
import { createLogger } from './logger.js';
import { connect, type Connection } from './neo4j/connect.js';
import { loadTokens, TokenConfigError } from './auth/tokens.js';
import { Neo4jRuntimeError } from './neo4j/runtime.js';
import { seedIfEmpty } from './seed/seeder.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Bad token configuration stops the start, before Neo4j is touched.
  const tokens = loadTokens(config);
  if (!tokens.writable) logger.warn('no WRITE_TOKENS configured: every mutation will be refused');
  const connection: Connection = await connect(config, (line) => logger.info(line));
  process.on('exit', () => {
    // Last resort if we die abruptly: never leave our Java process behind.
    if (connection.ownedPid) {
      try {
        process.kill(connection.ownedPid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });

  try {
    const seeded = await seedIfEmpty(connection.driver, connection.database);
    if (seeded) {
      logger.info(
        { files: seeded.files, nodes: seeded.after.nodes, relationships: seeded.after.relationships },
        'the database was empty: seeded it with the bundled seeds/',
      );
    }
  } catch (error) {
    await connection.close();
    throw error;
  }

  const server = await startServer({
    driver: connection.driver,
    database: connection.database,
    logger,
    maxQueryCost: config.MAX_QUERY_COST,
    corsOrigins: parseCorsOrigins(config.CORS_ORIGINS),
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    bodyTimeoutMs: config.BODY_TIMEOUT_MS,
    tokens,
    ingestLimits: { maxBytes: config.MAX_INGEST_BYTES, maxRows: config.MAX_INGEST_ROWS },
    port: config.PORT,
    host: config.HOST,
  });
  logger.info(
    `newsgraph is serving GraphQL at ${server.url} (open it in a browser for the playground; the graph explorer is at /explore)`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.close();
    await connection.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // `kill <npm pid>` ends npm without passing the signal on: when our parent goes, we go too,
  // rather than leave a server and its Neo4j running with nobody to stop them.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('parent process exited');
  }, 1000).unref();
}

main().catch((error: unknown) => {
  if (error instanceof Neo4jRuntimeError || error instanceof TokenConfigError) console.error(`\n${error.message}\n`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
