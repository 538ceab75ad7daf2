/** Several timed windows of one server, as one figure (see main.ts: servers alternate from window to window). */

/** What one timed run of a server gives (drive.ts). */
export interface DriveResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  errors: { total: number; transport: number; timeouts: number; non2xx: number; graphql: number };
}

const medianOf = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * One figure for several timed windows of the same server: requests and seconds add up (so req/s is
 * over the whole timed load), errors add up, and each latency percentile is the median of the windows'.
 */
export function combineWindows(windows: DriveResult[]): DriveResult {
  if (windows.length === 0) throw new Error('no window to combine');
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  const seconds = windows.reduce((n, w) => n + w.seconds, 0);
  const sum = (pick: (w: DriveResult) => number) => windows.reduce((n, w) => n + pick(w), 0);
  return {
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    latencyMs: {
      p50: medianOf(windows.map((w) => w.latencyMs.p50)),
      p99: medianOf(windows.map((w) => w.latencyMs.p99)),
      mean: requests > 0 ? sum((w) => w.latencyMs.mean * w.requests) / requests : 0,
      max: Math.max(...windows.map((w) => w.latencyMs.max)),
    },
    errors: {
      total: sum((w) => w.errors.total),
      transport: sum((w) => w.errors.transport),
      timeouts: sum((w) => w.errors.timeouts),
      non2xx: sum((w) => w.errors.non2xx),
      graphql: sum((w) => w.errors.graphql),
    },
  };
}
