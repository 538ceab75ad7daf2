/**
 * Health endpoints for process managers and load balancers: `/healthz` says the process is up
 * (always 200 while it can answer); `/readyz` says Neo4j answers (200), or why not (503, JSON).
 */
import type http from 'node:http';
import type { Driver } from 'neo4j-driver';
import { retryAfterSeconds } from '../db/errors.js';
import { sendJson } from './respond.js';

export interface HealthOptions {
  driver: Driver;
  database?: string;
  /** How long the readiness probe waits for Neo4j (ms). */
  timeoutMs?: number;
}

/** Answers /healthz and /readyz; returns false for any other path. */
export function handleHealth(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
  options: HealthOptions,
) {
  if (path !== '/healthz' && path !== '/readyz') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { status: 'error', reason: 'use GET' }, { allow: 'GET, HEAD' });
    return true;
  }
  if (path === '/healthz') {
    sendJson(res, 200, { status: 'ok' });
    return true;
  }
  void ready(options).then((reason) =>
    reason
      ? sendJson(res, 503, { status: 'unavailable', reason }, { 'retry-after': String(retryAfterSeconds) })
      : sendJson(res, 200, { status: 'ok', database: 'reachable' }),
  );
  return true;
}

/** Null when Neo4j answers a trivial query in time, else the reason it does not. */
async function ready(options: HealthOptions): Promise<string | null> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`Neo4j did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  const probe = options.driver.executeQuery('RETURN 1', {}, { database: options.database, bookmarkManager: null }).then(
    () => null,
    (error: unknown) => `Neo4j is unreachable: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown'}`,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
