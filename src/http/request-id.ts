/**
 * Each request's id: the caller's `x-request-id` when it is a sane token (a proxy's trace id),
 * else a new UUID. It is returned in the `x-request-id` response header and logged.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';

const sane = /^[\w.:-]{1,100}$/;

export function requestId(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && sane.test(given) ? given : randomUUID();
}
