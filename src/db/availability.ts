/**
 * Whether Neo4j can be reached, as far as this process knows, per driver. Once a query fails
 * because Neo4j is unreachable, later queries fail at once (no connection attempt, no driver retry
 * pause of a second) while a probe checks every 250 ms whether Neo4j answers again; the first
 * answer lets queries through again. So during an outage requests fail in milliseconds, and after
 * it they succeed within a probe interval, without restarting the API.
 */
import type { Driver } from 'neo4j-driver';
import { isUnreachable, translateDriverError } from './errors.js';

const probeIntervalMs = 250;

interface State {
  /** The failure that marked Neo4j down; undefined while it is up. */
  down?: Error;
}

const states = new WeakMap<Driver, State>();

function stateOf(driver: Driver): State {
  let state = states.get(driver);
  if (!state) {
    state = {};
    states.set(driver, state);
  }
  return state;
}

function probe(driver: Driver, state: State): void {
  setTimeout(() => {
    driver.verifyConnectivity().then(
      () => (state.down = undefined),
      (error: unknown) => {
        // Anything but "unreachable" (e.g. the driver was closed): stop probing, let queries decide.
        if (isUnreachable(error)) probe(driver, state);
        else state.down = undefined;
      },
    );
  }, probeIntervalMs).unref();
}

/** Runs one driver call, failing at once while Neo4j is known to be down; errors as ./errors.ts says. */
export async function guarded<T>(driver: Driver, run: () => Promise<T>): Promise<T> {
  const state = stateOf(driver);
  if (state.down) throw translateDriverError(state.down);
  try {
    return await run();
  } catch (error) {
    if (isUnreachable(error) && !state.down) {
      state.down = error as Error;
      probe(driver, state);
    }
    throw translateDriverError(error);
  }
}
