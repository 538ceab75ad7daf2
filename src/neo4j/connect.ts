/**
 * One way to reach Neo4j for every command: NEO4J_URI when given, else the project's own local
 * server (reused when `npm run neo4j -- start` left it running, otherwise started and owned).
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { createDriver } from '../db/database.js';
import { localPassword, startNeo4j, stopPid } from './runtime.js';
import { watchNeo4j } from './watchdog.js';

export interface Connection {
  driver: Driver;
  uri: string;
  database?: string;
  /** Closes the driver and stops the Neo4j this process started, if any. */
  close(): Promise<void>;
  /** The PID of a Neo4j this process started (and must stop), if any. */
  ownedPid?: number;
}

export async function connect(config: Config, log: (line: string) => void): Promise<Connection> {
  let uri = config.NEO4J_URI;
  let user = config.NEO4J_USER;
  let password = config.NEO4J_PASSWORD;
  let ownedPid: number | undefined;
  if (!uri) {
    password = localPassword(config.NEO4J_HOME, config.NEO4J_PASSWORD);
    user = 'neo4j';
    log(`NEO4J_URI is not set: using the local Neo4j in ${config.NEO4J_HOME}`);
    const instance = await startNeo4j({
      home: config.NEO4J_HOME,
      boltPort: config.NEO4J_BOLT_PORT,
      password,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      log,
    });
    uri = instance.uri;
    if (!instance.reused) {
      ownedPid = instance.pid;
      watchNeo4j(instance.pid, config.NEO4J_HOME);
    }
  }
  const driver = createDriver({
    uri,
    user,
    password,
    database: config.NEO4J_DATABASE,
    connectionTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
  });
  const connection: Connection = {
    driver,
    uri,
    database: config.NEO4J_DATABASE,
    ownedPid,
    async close() {
      await driver.close();
      if (connection.ownedPid) await stopPid(connection.ownedPid);
      connection.ownedPid = undefined;
    },
  };
  try {
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
  } catch (error) {
    await connection.close();
    throw new Error(
      `cannot connect to Neo4j at ${uri} (${(error as Error).message}): check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD`,
    );
  }
  return connection;
}
