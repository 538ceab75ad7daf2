/**
 * `npm start`: with NEO4J_URI unset, starts the project's own Neo4j (src/neo4j/runtime.ts),
 * seeds it on first start, and serves GraphQL; Ctrl-C stops both. With NEO4J_URI set, it uses
 * that database and starts nothing.
 */
import { loadConfig } from './config.js';
import { createDriver } from './db/database.js';
import { createLogger } from './logger.js';
import { Neo4jRuntimeError, localPassword, startNeo4j, stopPid } from './neo4j/runtime.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  let uri = config.NEO4J_URI;
  let password = config.NEO4J_PASSWORD;
  let user = config.NEO4J_USER;
  let ownNeo4j: number | undefined;
  if (!uri) {
    password = localPassword(config.NEO4J_HOME, config.NEO4J_PASSWORD);
    user = 'neo4j';
    logger.info({ home: config.NEO4J_HOME }, 'NEO4J_URI is not set: starting the local Neo4j');
    const instance = await startNeo4j({
      home: config.NEO4J_HOME,
      boltPort: config.NEO4J_BOLT_PORT,
      password,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      log: (line) => logger.info(line),
    });
    uri = instance.uri;
    // A server started by `npm run neo4j -- start` is left running; one started here stops with us.
    if (!instance.reused) ownNeo4j = instance.pid;
    logger.info({ uri, pid: instance.pid, logs: instance.logFile }, 'Neo4j is ready');
  }

  const driver = createDriver({ uri, user, password, database: config.NEO4J_DATABASE });
  const stopOwnNeo4j = async () => {
    if (ownNeo4j) await stopPid(ownNeo4j);
  };
  process.on('exit', () => {
    // Last resort if we die abruptly: never leave our Java process behind.
    if (ownNeo4j) {
      try {
        process.kill(ownNeo4j, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });

  try {
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
  } catch (error) {
    logger.fatal(
      { err: error, uri },
      `cannot connect to Neo4j at ${uri}: check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD`,
    );
    await driver.close();
    await stopOwnNeo4j();
    process.exit(1);
  }

  const server = await startServer({
    driver,
    database: config.NEO4J_DATABASE,
    logger,
    port: config.PORT,
    host: config.HOST,
  });
  logger.info(`newsgraph is serving GraphQL at ${server.url} (open it in a browser for the playground)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.close();
    await driver.close();
    await stopOwnNeo4j();
    ownNeo4j = undefined;
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof Neo4jRuntimeError) console.error(`\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
