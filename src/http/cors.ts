/**
 * CORS for browsers calling the API from another origin (a Vite dev server, a newsroom's site).
 * Origins come from CORS_ORIGINS: a comma-separated list, or `*`. A listed origin gets the CORS
 * headers and its preflights answered; an unlisted one gets no CORS header at all (the browser
 * then refuses), and with no list nothing changes. Written out rather than taken from the `cors`
 * package because that one adds Allow-Methods/Allow-Headers to preflights of unlisted origins.
 */
import type http from 'node:http';

export type CorsOrigins = '*' | string[];

export function parseCorsOrigins(value: string | undefined): CorsOrigins {
  if (!value?.trim()) return [];
  if (value.trim() === '*') return '*';
  return value
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/**
 * Sets the CORS headers for this request. Returns true when the request was a preflight and has
 * been answered.
 */
export function applyCors(req: http.IncomingMessage, res: http.ServerResponse, origins: CorsOrigins): boolean {
  const origin = req.headers.origin;
  if (origins !== '*' && origins.length === 0) return false;
  res.appendHeader('vary', 'Origin');
  const allowed = typeof origin === 'string' && (origins === '*' || origins.includes(origin));
  if (allowed) {
    res.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
    res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  }
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'access-control-allow-headers',
      req.headers['access-control-request-headers'] ?? 'content-type, apollo-require-preflight, x-request-id',
    );
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204, { 'content-length': '0' });
  res.end();
  return true;
}
