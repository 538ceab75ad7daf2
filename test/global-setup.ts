/**
 * Starts a throwaway Neo4j (auth off, a free port, its own temporary folder) for the whole run,
 * or uses NEO4J_TEST_URI when set, and stops it afterwards; builds the browser pages if they are stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startNeo4j, stopPid } from '../src/neo4j/runtime.js';
import { ensureWebBuilt } from '../web/build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user?: string; password?: string; database?: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The browser pages the server serves (the browser tests load them): built when missing or stale.
  const webBuilt = ensureWebBuilt();
  try {
    return await startDatabase(project);
  } finally {
    await webBuilt;
  }
}

async function startDatabase(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_TEST_URI,
      user: process.env.NEO4J_TEST_USER,
      password: process.env.NEO4J_TEST_PASSWORD,
      database: process.env.NEO4J_TEST_DATABASE,
    });
    return async () => {};
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-test-'));
  const started = Date.now();
  // On a shared machine busy with other Neo4j servers, a start can take minutes (two did not answer in 120 s).
  const instance = await startNeo4j({
    home,
    boltPort: await freePort(),
    heap: '1g',
    pageCache: '256m',
    timeoutMs: 360_000,
  });
  console.log(`test Neo4j ready at ${instance.uri} in ${Date.now() - started} ms (home ${home})`);
  project.provide('neo4j', { uri: instance.uri });
  return async () => {
    await stopPid(instance.pid);
    fs.rmSync(home, { recursive: true, force: true });
  };
}
