/**
 * The parent side: starts one benchmarked server in its own Node process (so that each has its own
 * heap, event loop and peak RSS), waits until it listens, asks for its peak RSS, and stops it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appDist } from '../build.js';
import type { ChildMessage, ParentMessage } from './child.js';

export const serverKinds = ['newsgraph', 'neo4j-graphql', 'raw'] as const;
export type ServerKind = (typeof serverKinds)[number];

export const serverLabels: Record<ServerKind, string> = {
  newsgraph: '(a) newsgraph',
  'neo4j-graphql': '(b) @neo4j/graphql 7',
  raw: '(c) raw Cypher handler',
};

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningChild {
  kind: ServerKind;
  url: string;
  pid: number;
  /** Peak resident set size of the process so far, in bytes. */
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) done(null, message as Extract<ChildMessage, { type: T }>);
      else if (message.type === 'failed') done(new Error(message.error));
    };
    const onExit = (code: number | null) => done(new Error(`server process exited (code ${code})`));
    const done = (error: Error | null, message?: Extract<ChildMessage, { type: T }>) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** With BENCH_CPU_PROF=<dir>, each server writes a V8 CPU profile there when it stops. */
export async function startChild(kind: ServerKind, neo4jUri: string): Promise<RunningChild> {
  const profileDir = process.env.BENCH_CPU_PROF;
  // Compiled JavaScript (see ../build.ts), no tsx: as the servers would be deployed.
  const child = fork(path.join(benchDir, 'dist', 'servers', `${kind}.js`), [], {
    cwd: benchDir,
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
    env: { ...process.env, BENCH_NEO4J_URI: neo4jUri, BENCH_APP_DIST: appDist, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { url } = await nextMessage(child, 'ready', 60_000);
  const pid = child.pid!;
  return {
    kind,
    url,
    pid,
    async peakRss() {
      const reply = nextMessage(child, 'usage', 10_000);
      child.send({ type: 'usage' } satisfies ParentMessage);
      return (await reply).maxRssKb * 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
