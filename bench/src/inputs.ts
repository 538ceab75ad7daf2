/**
 * The inputs every server gets, read from the loaded graph in a fixed order so that a run is
 * repeatable: busy people (by meetings attended, skipping the very busiest, whose thousands of
 * meetings would make every scenario about one node), meeting kinds × years, name words to search
 * for, pairs of a busy and a quiet person for shortest paths, and people of middling degree as
 * neighbourhood centres.
 */
import type { Driver } from 'neo4j-driver';

export interface Inputs {
  people: string[];
  /** People whose direct neighbours fit a 100-node neighbourhood, so that it reaches two hops. */
  neighbourhoodCentres: string[];
  meetingFilters: { kind: string; from: string; to: string }[];
  searchWords: string[];
  pairs: [string, string][];
}

export interface InputOptions {
  /** How many of the busiest people to skip. */
  skip: number;
  /** How many people (and so search words and pairs) to use. */
  count: number;
}

async function rows(driver: Driver, cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(cypher, params, { routing: 'READ' });
  return records.map((record) => record.toObject());
}

export async function pickInputs(driver: Driver, options: InputOptions): Promise<Inputs> {
  const ranked = await rows(
    driver,
    `MATCH (p:Person)
     WITH p, COUNT { (p)-[:PARTICIPATED_IN]->(:Meeting) } AS meetings
     WHERE meetings > 0
     RETURN p.id AS id, p.name AS name, meetings
     ORDER BY meetings DESC, id`,
  );
  const busy = ranked.slice(options.skip, options.skip + options.count);
  const quiet = ranked.slice(-options.count).reverse();
  if (busy.length < options.count || quiet.length < options.count) throw new Error('the graph has too few people');

  const centres = await rows(
    driver,
    `MATCH (p:Person)
     WITH p, COUNT { (p)--() } AS degree
     WHERE 10 <= degree <= 60
     RETURN p.id AS id
     ORDER BY degree DESC, id`,
  ).then((all) => all.slice(0, options.count));
  if (centres.length === 0) throw new Error('the graph has no person with 10 to 60 relationships');

  const kinds = await rows(driver, 'MATCH (m:Meeting) RETURN DISTINCT m.kind AS kind ORDER BY kind');
  const years = await rows(
    driver,
    'MATCH (m:Meeting) WHERE m.date IS NOT NULL RETURN DISTINCT substring(m.date, 0, 4) AS year ORDER BY year',
  );
  const meetingFilters = kinds.flatMap(({ kind }) =>
    years.map(({ year }) => ({ kind: String(kind), from: `${String(year)}-01-01`, to: `${String(year)}-12-31` })),
  );

  // The last word of a name: a rarer word than the first, so that hits are few and scores differ.
  const searchWords = [...new Set(busy.map((person) => String(person.name).split(' ').at(-1)!.toLowerCase()))];

  return {
    people: busy.map((person) => String(person.id)),
    neighbourhoodCentres: centres.map((centre) => String(centre.id)),
    meetingFilters,
    searchWords,
    pairs: busy.map((person, i) => [String(person.id), String(quiet[i]!.id)]),
  };
}
