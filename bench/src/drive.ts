/**
 * Drives one server with autocannon: a fixed number of connections for a fixed time, the inputs
 * rotated request by request. Counts transport errors, timeouts, non-2xx answers and 2xx answers
 * whose body carries GraphQL `errors`.
 */
import autocannon from 'autocannon';
import type { HttpRequest } from './scenarios.js';
import type { DriveResult } from './windows.js';

export type { DriveResult };

export interface DriveOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  /** A fixed number of requests instead of a duration (smoke mode: a slow machine slows it, never empties it). */
  amount?: number;
}

export async function drive(url: string, requests: HttpRequest[], options: DriveOptions): Promise<DriveResult> {
  if (requests.length === 0) throw new Error('no requests to send');
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length]!;
          return { ...request, path: new URL(url + chosen.path).pathname, body: chosen.body };
        },
        onResponse: (status, body) => {
          if (status < 300 && body.includes('"errors":')) graphqlErrors += 1;
        },
      },
    ],
  });
  const transport = result.errors - result.timeouts;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, max: result.latency.max },
    errors: {
      total: result.errors + result.non2xx + graphqlErrors,
      transport,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphql: graphqlErrors,
    },
  };
}
