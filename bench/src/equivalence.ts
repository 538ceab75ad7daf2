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

async function ask(child: RunningChild, scenario: Scenario, vars: Vars): Promise<string> {
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
  return canonical(side.normalize(JSON.parse(text)));
}

export interface EquivalenceReport {
  inputs: number;
  /** How many inputs had a non-empty answer (all servers agreeing). */
  nonEmpty: number;
}

export async function checkEquivalence(
  scenario: Scenario,
  inputs: Vars[],
  children: Map<ServerKind, RunningChild>,
): Promise<EquivalenceReport> {
  const taking = [...children.values()].filter((child) => scenario.servers[child.kind]);
  let nonEmpty = 0;
  for (const vars of inputs) {
    const answers = await Promise.all(taking.map((child) => ask(child, scenario, vars)));
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
  return { inputs: inputs.length, nonEmpty };
}
