/**
 * `npm run bench -- [--preset tiny|small|medium|large] [--duration S] [--rounds R] [--connections C]
 *  [--warmup S] [--seed N] [--scenarios a,b] [--out DIR] [--smoke]`
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface Options {
  preset: string;
  seed: number;
  /** Seconds of timed load per server per scenario, over all its rounds. */
  duration: number;
  /**
   * Timed windows per server per scenario, the servers alternating from window to window (each round
   * starts with another server), so that a drift of the shared machine's load falls on every server alike.
   */
  rounds: number;
  /** Requests of each timed window instead of `duration` (smoke mode), so a busy machine cannot leave one with none. */
  amount?: number;
  /** Seconds of untimed load per server before its timed windows. */
  warmup: number;
  connections: number;
  /** Scenario names to run; all when empty. */
  scenarios: string[];
  smoke: boolean;
  /** Folder of the results; the files are named `latest` (or `smoke` in smoke mode) .json and .md. */
  out: string;
  inputs: { skip: number; count: number };
  naive: { records: number; maxSeconds: number };
}

export const defaultOut = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

const usage = `usage: npm run bench -- [--preset tiny|small|medium|large] [--duration S] [--rounds R] [--connections C]
       [--warmup S] [--seed N] [--scenarios person,nested,list,search,path,neighborhood,page] [--out DIR] [--smoke]`;

function positive(name: string, value: string | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"\n${usage}`);
  }
  return n;
}

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      preset: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      seed: { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const smoke = values.smoke;
  const preset = values.preset ?? (smoke ? 'tiny' : 'small');
  if (!['tiny', 'small', 'medium', 'large'].includes(preset)) throw new Error(`unknown preset "${preset}"\n${usage}`);
  return {
    preset,
    seed: positive('seed', values.seed, 1, true),
    duration: positive('duration', values.duration, smoke ? 1 : 10),
    rounds: positive('rounds', values.rounds, smoke ? 2 : 3, true),
    amount: smoke ? 20 : undefined,
    warmup: positive('warmup', values.warmup, smoke ? 0.5 : 3),
    connections: positive('connections', values.connections, 10, true),
    scenarios: values.scenarios ? values.scenarios.split(',').map((s) => s.trim()) : [],
    smoke,
    out: path.resolve(values.out ?? defaultOut),
    // Skip the busiest people of big graphs: the top few attend thousands of meetings.
    inputs: preset === 'large' || preset === 'medium' ? { skip: 20, count: 20 } : { skip: 2, count: 10 },
    naive: smoke ? { records: 200, maxSeconds: 3 } : { records: 2000, maxSeconds: 20 },
  };
}
