/**
 * `npm start` as a process: its request log, and the Neo4j it starts dying with it even when it
 * is killed with `kill -9` (the watchdog of src/neo4j/watchdog.ts). Uses its own NEO4J_HOME and
 * ports; the only processes it signals are the ones it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, isAlive, repoRoot, stopPid } from '../src/neo4j/runtime.js';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-process-'));
let api: ChildProcess | undefined;
let neo4jPid: number | undefined;

afterAll(async () => {
  if (api?.pid && isAlive(api.pid)) api.kill('SIGKILL');
  if (neo4jPid) await stopPid(neo4jPid);
  fs.rmSync(home, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return condition();
}

it('logs one line per request, and its Neo4j dies with it on kill -9', { timeout: 900_000 }, async () => {
  const port = await freePort();
  api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NEO4J_URI: '',
      NEO4J_HOME: home,
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HEAP: '256m',
      NEO4J_PAGECACHE: '64m',
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  api.stdout!.on('data', (data: Buffer) => (output += data.toString()));
  api.stderr!.on('data', (data: Buffer) => (output += data.toString()));
  expect(await until(() => output.includes('serving GraphQL'), 600_000), output).toBe(true);
  neo4jPid = Number(fs.readFileSync(path.join(home, 'run', 'neo4j.pid'), 'utf8'));
  expect(isAlive(neo4jPid)).toBe(true);

  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'process-test-1' },
    body: JSON.stringify({
      query: 'query Who($id: ID!) { person(id: $id) { name } }',
      operationName: 'Who',
      variables: { id: 'person:secret-variable-value' },
    }),
  });
  expect(response.status).toBe(200);
  expect(await until(() => output.includes('"requestId":"process-test-1"'), 10_000)).toBe(true);
  const line = JSON.parse(output.split('\n').find((text) => text.includes('"requestId":"process-test-1"'))!);
  expect(line).toMatchObject({
    level: 30,
    requestId: 'process-test-1',
    operationName: 'Who',
    status: 200,
    cypherQueries: 1,
    outcome: 'ok',
  });
  expect(typeof line.durationMs).toBe('number');
  expect(output).not.toContain('secret-variable-value');

  api.kill('SIGKILL');
  expect(await until(() => !isAlive(neo4jPid!), 180_000), 'Neo4j outlived the API').toBe(true);
  const note = fs.readFileSync(path.join(home, 'logs', 'watchdog.log'), 'utf8');
  expect(note).toContain(
    `the API (pid ${api.pid}) is gone without stopping its Neo4j; stopping Neo4j (pid ${neo4jPid})`,
  );
  neo4jPid = undefined;
});
