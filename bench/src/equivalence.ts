/**
 * Before anything is timed: every server that takes part in a scenario must give the same
 * canonical answer to every input. A difference stops the run with both answers shown.
 */
import type { Scenario, Vars } from './scenarios.js';
import type { RunningChild, ServerKind } from './servers/spawn.js';

/** JSON with object keys sorted, so that key order does not count. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export class NotEquivalentError extends Error {
  override name = 'NotEquivalentError';
}

/** Cypher round trips of one answer: newsgraph reports them in `extensions.cypherQueries`. */
function roundTripsOf(kind: ServerKind, answer: { extensions?: { cypherQueries?: number } }): number | null {
  if (kind === 'newsgraph') return answer.extensions?.cypherQueries ?? null;
  // The raw handler runs exactly one query per request (raw-queries.ts); @neo4j/graphql does not say.
  return kind === 'raw' ? 1 : null;
}

async function ask(
  child: RunningChild,
  scenario: Scenario,
  vars: Vars,
): Promise<{ canonical: string; roundTrips: number | null }> {
  const side = scenario.servers[child.kind]!;
  const request = side.request(vars);
  const response = await fetch(child.url + request.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  const text = await response.text();
  if (!response.ok)
    throw new NotEquivalentError(`${child.kind} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  const answer = JSON.parse(text) as { extensions?: { cypherQueries?: number } };
  return { canonical: canonical(side.normalize(answer)), roundTrips: roundTripsOf(child.kind, answer) };
}

export interface EquivalenceReport {
  inputs: number;
  /** How many inputs had a non-empty answer (all servers agreeing). */
  nonEmpty: number;
  /** Cypher round trips per request, averaged over the inputs, where a server tells. */
  roundTrips: Partial<Record<ServerKind, number | null>>;
}

export async function checkEquivalence(
  scenario: Scenario,
  inputs: Vars[],
  children: Map<ServerKind, RunningChild>,
): Promise<EquivalenceReport> {
  const taking = [...children.values()].filter((child) => scenario.servers[child.kind]);
  let nonEmpty = 0;
  const trips = new Map<ServerKind, number | null>(taking.map((child) => [child.kind, 0]));
  for (const vars of inputs) {
    const asked = await Promise.all(taking.map((child) => ask(child, scenario, vars)));
    asked.forEach(({ roundTrips }, i) => {
      const kind = taking[i]!.kind;
      const sum = trips.get(kind);
      trips.set(kind, sum === null || sum === undefined || roundTrips === null ? null : sum + roundTrips);
    });
    const answers = asked.map((a) => a.canonical);
    const first = answers[0]!;
    answers.forEach((answer, i) => {
      if (answer !== first) {
        throw new NotEquivalentError(
          `scenario ${scenario.name}, input ${JSON.stringify(vars)}: ${taking[i]!.kind} and ${taking[0]!.kind} differ\n` +
            `  ${taking[0]!.kind}: ${first.slice(0, 2000)}\n  ${taking[i]!.kind}: ${answer.slice(0, 2000)}`,
        );
      }
    });
    if (first !== 'null' && first !== '[]' && first !== '{}') nonEmpty += 1;
  }
  if (nonEmpty === 0) throw new NotEquivalentError(`scenario ${scenario.name}: every answer was empty`);
  const roundTrips = Object.fromEntries(
    [...trips].map(([kind, sum]) => [kind, sum === null ? null : sum / inputs.length]),
  ) as EquivalenceReport['roundTrips'];
  return { inputs: inputs.length, nonEmpty, roundTrips };
}
