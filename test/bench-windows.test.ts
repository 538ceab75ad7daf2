/**
 * The benchmark times each server in several windows alternated with the other servers' (bench/src/main.ts);
 * these are the rules that turn the windows into the one row a reader compares.
 */
import { describe, expect, it } from 'vitest';
import { combineWindows, type DriveResult } from '../bench/src/windows.js';

const window = (requests: number, seconds: number, p50: number, p99: number, errors = 0): DriveResult => ({
  requests,
  seconds,
  requestsPerSecond: requests / seconds,
  latencyMs: { p50, p99, mean: p50, max: p99 * 2 },
  errors: { total: errors, transport: 0, timeouts: errors, non2xx: 0, graphql: 0 },
});

describe('benchmark windows', () => {
  it('give req/s over all their requests and seconds, not the mean of their rates', () => {
    // 1,000 requests in 1 s and 1,000 in 4 s: 400 req/s over 5 s (the mean of the rates would say 625).
    const combined = combineWindows([window(1000, 1, 4, 9), window(1000, 4, 30, 60)]);
    expect(combined.requests).toBe(2000);
    expect(combined.seconds).toBe(5);
    expect(combined.requestsPerSecond).toBe(400);
  });

  it('take each latency percentile as the median of the windows, and add up errors', () => {
    const combined = combineWindows([window(300, 3, 5, 20, 1), window(300, 3, 7, 90), window(300, 3, 6, 25, 2)]);
    expect(combined.latencyMs.p50).toBe(6);
    expect(combined.latencyMs.p99).toBe(25);
    expect(combined.latencyMs.max).toBe(180);
    expect(combined.errors).toEqual({ total: 3, transport: 0, timeouts: 3, non2xx: 0, graphql: 0 });
  });

  it('leave a single window as it is', () => {
    const one = window(500, 2, 3, 11);
    expect(combineWindows([one])).toEqual(one);
  });
});
