/**
 * The seeder against the real Neo4j: validation errors name file and path and write nothing,
 * seeding is idempotent, a second source merges into the same nodes, the Geneva article's facts
 * are all there with their provenance, and the synthetic generator loads through the same path.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { repoRoot, seedsDir } from '../src/paths.js';
import {
  constraintStatements,
  countGraph,
  documentRowsOf,
  ensureSchema,
  indexesEmptyAfter,
  indexStatements,
  retiredIndexes,
  loadDocuments,
  resetGraph,
  type DocumentRows,
} from '../src/seed/load.js';
import { retractArticle } from '../src/ingest/service.js';
import { createLogger } from '../src/logger.js';
import { seedDocumentSchema } from '../src/seed/format.js';
import { seedDocuments, seedFiles, seedIfEmpty } from '../src/seed/seeder.js';
import { presets, syntheticDocuments, syntheticSeedInputs } from '../src/seed/synthetic.js';
import { parseSeedFile, SeedValidationError } from '../src/seed/validate.js';
import { bundledSeedFiles } from '../src/seed/seeder.js';
import { testDriver } from './helpers.js';

const geneva = path.join(seedsDir, '000_2129ad4d3e752772.yaml');
const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'seeds', name);
const genevaArticle = 'article:2129ad4d3e752772';

let driver: Driver;
let database: string | undefined;

async function cypher(statement: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(statement, params, { database });
  return records.map((record) => record.toObject());
}

/** Every node and relationship with all its properties, in a stable order. */
async function snapshot() {
  const nodes = await cypher('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id');
  const relationships = await cypher(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.title',
  );
  return { nodes, relationships };
}

async function problemsOf(files: string[]) {
  try {
    await seedFiles(driver, files, { database });
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a validation error');
}

beforeAll(() => {
  ({ driver, database } = testDriver());
});
afterAll(async () => driver.close());
beforeEach(async () => resetGraph(driver, database));

describe('seed validation', () => {
  it('reports a YAML syntax error with the file and the line', async () => {
    const problems = await problemsOf([fixture('broken-syntax.yaml')]);
    expect(problems[0]?.file).toBe('test/fixtures/seeds/broken-syntax.yaml');
    expect(problems[0]?.path).toMatch(/^line \d+, column \d+$/);
  });

  it('reports every field error of a file, each with its path', async () => {
    const problems = await problemsOf([fixture('invalid-fields.yaml')]);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath['article.published']).toBe('is not a real calendar date');
    expect(byPath['organizations[0].kind']).toMatch(/STATE/);
    expect(byPath['people[0].id']).toMatch(/must look like "person:/);
    expect(byPath['people[1].name']).toBeDefined();
    expect(byPath['people[1].positions[0]']).toMatch(/salary/);
    expect(byPath['statements[0].speaker']).toBe('must refer to a person or organization');
    expect(byPath['statements[0].position.paragraph']).toBeDefined();
    expect(problems.every((p) => p.file === 'test/fixtures/seeds/invalid-fields.yaml')).toBe(true);
  });

  it('reports references that resolve nowhere and ids defined twice', async () => {
    const problems = await problemsOf([fixture('dangling-references.yaml')]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'people[1].id',
          message: expect.stringContaining('duplicate id "person:jane-doe"'),
        }),
        expect.objectContaining({
          path: 'article.publisher',
          message: expect.stringContaining('organization:ghost-news'),
        }),
        expect.objectContaining({ path: 'people[0].positions[0].organization' }),
        expect.objectContaining({ path: 'meetings[0].place', message: expect.stringContaining('place:atlantis') }),
      ]),
    );
  });

  it('reports the problems of all files in one run and writes nothing, not even the valid file', async () => {
    const problems = await problemsOf([geneva, fixture('invalid-fields.yaml'), fixture('dangling-references.yaml')]);
    const files = new Set(problems.map((p) => p.file));
    expect(files).toEqual(
      new Set(['test/fixtures/seeds/invalid-fields.yaml', 'test/fixtures/seeds/dangling-references.yaml']),
    );
    expect(await countGraph(driver, database)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('leaves an existing graph exactly as it was when a file fails', async () => {
    await seedFiles(driver, [geneva], { database });
    const before = await snapshot();
    await problemsOf([fixture('dangling-references.yaml')]);
    expect(await snapshot()).toEqual(before);
  });

  it('makes `npm run seed` exit non-zero with file-and-path messages', () => {
    const { uri } = inject('neo4j');
    const result = spawnSync(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'),
        'src/seed/cli.ts',
        'test/fixtures/seeds/invalid-fields.yaml',
      ],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: '' } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toContain(
      'test/fixtures/seeds/invalid-fields.yaml at article.published: is not a real calendar date',
    );
  });

  it('makes `npm run seed` print what it wrote and how long each step took', () => {
    const { uri } = inject('neo4j');
    const result = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/seed/cli.ts', 'seeds/000_2129ad4d3e752772.yaml'],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: '' } },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('seeded: ');
    expect(result.stdout).toMatch(/^time: validation \d+\.\d s, schema \d+\.\d s, writes \d+\.\d s$/m);
  });
});

describe('seed validation of aliases, audiences and source order', () => {
  const document = (changes: (doc: any) => void) => {
    const { document: doc } = parseSeedFile(geneva);
    const copy = structuredClone(doc) as any;
    changes(copy);
    return [{ file: 'changed.yaml', raw: copy }];
  };
  const problemsIn = async (inputs: { file: string; raw: unknown }[]) => {
    try {
      await seedDocuments(driver, inputs, { database });
    } catch (error) {
      if (error instanceof SeedValidationError) return error.problems;
      throw error;
    }
    throw new Error('expected a validation error');
  };

  it('refuses an alias listed twice for one entity, even in another language', async () => {
    const problems = await problemsIn(
      document((doc) => {
        const us = doc.organizations.find((org: any) => org.id === 'organization:united-states');
        us.aliases.push({ name: 'Washington', language: 'en' });
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'changed.yaml',
        path: expect.stringMatching(/^organizations\[\d+\]\.aliases\[\d+\]$/),
        message: expect.stringContaining('alias "Washington" is already listed'),
      }),
    ]);
  });

  it('refuses an audience that is a description instead of a person or organization', async () => {
    const problems = await problemsIn(document((doc) => (doc.statements[0].audience = ['reporters'])));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toEqual(
      problems.map(() => expect.objectContaining({ path: 'statements[0].audience[0]', file: 'changed.yaml' })),
    );
    expect(problems.map((problem) => problem.message)).toContain('must be an id such as "person:sergei-ryabkov"');
  });

  it('refuses meetings that follow each other in a circle', async () => {
    const problems = await problemsIn(
      document((doc) => {
        const talks = doc.meetings.find((m: any) => m.id === 'meeting:us-russia-talks-geneva-2022-01-10');
        talks.follows = ['meeting:ryabkov-press-conference-geneva-2022-01-10'];
      }),
    );
    expect(problems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('would come after itself')]),
    );
    expect(await countGraph(driver, database)).toEqual({ nodes: 0, relationships: 0 });
  });
});

/**
 * Where the source articles are read from. The articles themselves are not ours to republish, so the
 * repository holds only short quotes: the full texts live outside it, in the project's shared folder
 * beside the checkout (`../shared/seeds/<sourceFile>`, where CI has them) or in ARTICLES_DIR.
 */
const articleDirs = [process.env.ARTICLES_DIR, path.join(repoRoot, '..', 'shared', 'seeds')].filter(
  (dir): dir is string => Boolean(dir),
);
const articlePath = (sourceFile: string) =>
  articleDirs.map((dir) => path.join(dir, sourceFile)).find((candidate) => fs.existsSync(candidate));

/**
 * Every statement's `text` against the source article it quotes: verbatim at its recorded offset, in
 * its recorded paragraph. Runs wherever the article can be read (always in CI).
 */
describe.each(bundledSeedFiles().map((file) => [path.basename(file), file] as const))(
  'seed file %s against its source article',
  (_name, file) => {
    const { document, problems } = parseSeedFile(file);
    const sourcePath = document ? articlePath(document.article.sourceFile) : undefined;
    if (!sourcePath)
      console.warn(`${file}: source article not found in ${articleDirs.join(' or ')}: verbatim checks skipped`);
    const source = sourcePath ? fs.readFileSync(sourcePath, 'utf8') : '';
    // Paragraphs are separated by blank lines; each starts at the offset given here.
    const paragraphStarts = [0, ...[...source.matchAll(/\n\s*\n/g)].map((match) => match.index + match[0].length)];
    const paragraphAt = (offset: number) => paragraphStarts.filter((start) => start <= offset).length;

    it('is valid', () => {
      expect(problems).toEqual([]);
    });

    it
      .runIf(Boolean(sourcePath))
      .each((document?.statements ?? []).map((statement) => [statement.id, statement] as const))(
      '%s quotes the article verbatim at its paragraph and offset',
      (_id, statement) => {
        const { offset, paragraph } = statement.position;
        expect(source.slice(offset, offset + statement.text.length)).toBe(statement.text);
        expect(paragraphAt(offset)).toBe(paragraph);
      },
    );

    it
      .runIf(Boolean(sourcePath))
      .each(
        (document?.statements ?? [])
          .filter((statement) => statement.kind === 'DIRECT_QUOTE')
          .map((statement) => [statement.id, statement] as const),
      )('%s, a direct quote, lies inside quotation marks and quotes no part of itself', (_id, statement) => {
      const { offset } = statement.position;
      const paragraph = source.slice(paragraphStarts[statement.position.paragraph - 1], offset);
      // Inside a quotation: an odd number of double quotation marks opens before it in its paragraph.
      expect((paragraph.match(/["“”]/g) ?? []).length % 2).toBe(1);
      // Words partly in quotation marks ('… sebagai "tidak memulai," …') are a paraphrase.
      expect(statement.text).not.toMatch(/["“”]/);
    });
  },
);

describe('seeding', () => {
  it('is idempotent: a second run leaves counts and every property exactly as they were', async () => {
    const first = await seedFiles(driver, [geneva], { database });
    const before = await snapshot();
    const second = await seedFiles(driver, [geneva], { database });
    expect(second.after).toEqual(first.after);
    expect(second.counts?.nodesCreated).toBe(0);
    expect(second.counts?.relationshipsCreated).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('merges a second source naming the same person into the same node, adding its source', async () => {
    await seedFiles(driver, [geneva], { database });
    await seedFiles(driver, [fixture('second-article.yaml')], { database });
    const [ryabkov] = await cypher(
      "MATCH (p:Person) WHERE p.name = 'Sergei Ryabkov' RETURN count(p) AS nodes, collect(p)[0] AS p",
    );
    expect(ryabkov!.nodes).toBe(1);
    expect(ryabkov!.p.properties.sources).toEqual([genevaArticle, 'article:fixture-second-source']);
    expect(ryabkov!.p.properties.aliases).toEqual(['Ryabkov', 'Sergey Ryabkov']);
    expect(ryabkov!.p.properties.aliasLanguages).toEqual(['id', 'en']);
    // The new statement hangs off the node and the meeting the first source created.
    const [link] = await cypher(
      `MATCH (:Person {id: 'person:sergei-ryabkov'})-[s:STATED]->(st:Statement {id: 'statement:fixture-ryabkov-second-remark'})
             -[:MADE_AT]->(m:Meeting {id: 'meeting:us-russia-talks-geneva-2022-01-10'})
       RETURN s.sources AS sources, m.sources AS meetingSources`,
    );
    expect(link).toEqual({ sources: ['article:fixture-second-source'], meetingSources: [genevaArticle] });
  });

  it('seeds the bundled files into an empty database once, and never again', async () => {
    const first = await seedIfEmpty(driver, database);
    expect(first?.after.nodes).toBeGreaterThan(0);
    expect(await seedIfEmpty(driver, database)).toBeNull();
  });
});

describe('the Geneva article in the graph', () => {
  beforeEach(async () => {
    await seedFiles(driver, [geneva], { database });
  });

  it('holds every kind of entity the article reports', async () => {
    const rows = await cypher(
      "MATCH (n:Node) RETURN [l IN labels(n) WHERE l <> 'Node'][0] AS label, count(*) AS count ORDER BY label",
    );
    expect(Object.fromEntries(rows.map((r) => [r.label, r.count]))).toEqual({
      Article: 1,
      Meeting: 4,
      Organization: 11,
      Person: 2,
      Place: 2,
      Statement: 16,
      Topic: 8,
    });
  });

  it('records the article as the source of every node and every relationship', async () => {
    const [row] = await cypher(
      `CALL () { MATCH (n:Node) WHERE n.sources IS NULL OR NOT $source IN n.sources RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() WHERE r.sources IS NULL OR NOT $source IN r.sources RETURN count(r) AS rels }
       RETURN nodes, rels`,
      { source: genevaArticle },
    );
    expect(row).toEqual({ nodes: 0, rels: 0 });
  });

  it('knows who Ryabkov and Sherman are', async () => {
    const rows = await cypher(
      `MATCH (p:Person)-[h:HOLDS_POSITION]->(o:Organization)-[:PART_OF]->(state:Organization {kind: 'STATE'})
       RETURN p.name AS person, h.title AS title, o.name AS organization, state.name AS state ORDER BY person`,
    );
    expect(rows).toEqual([
      expect.objectContaining({ person: 'Sergei Ryabkov', title: 'Deputy Foreign Minister', state: 'Russia' }),
      expect.objectContaining({ person: 'Wendy Sherman', title: 'Deputy Secretary of State', state: 'United States' }),
    ]);
  });

  it('has the Geneva talks of Monday 10 January 2022, more than seven hours long, and the meetings around them', async () => {
    const [talks] = await cypher(
      `MATCH (m:Meeting {kind: 'TALKS'})-[:HELD_IN]->(:Place {name: 'Geneva'})-[:LOCATED_IN]->(:Place {name: 'Switzerland'})
       MATCH (m)<-[:PARTICIPATED_IN]-(p:Person)
       MATCH (m)-[:PART_OF]->(series:Meeting)
       RETURN m.date AS date, m.datePrecision AS precision, m.duration AS duration,
              m.durationQualifier AS qualifier, collect(p.name) AS people, series.datePrecision AS seriesPrecision`,
    );
    expect(talks).toMatchObject({
      date: '2022-01-10',
      precision: 'DAY',
      duration: 'PT7H',
      qualifier: 'MORE_THAN',
      seriesPrecision: 'MONTH',
    });
    expect([...talks!.people].sort()).toEqual(['Sergei Ryabkov', 'Wendy Sherman']);
    const [informal] = await cypher(
      "MATCH (m:Meeting {kind: 'INFORMAL_MEETING'}) OPTIONAL MATCH (m)-[h:HELD_IN]->() RETURN m.date AS date, count(h) AS places",
    );
    // The article does not say where the Sunday meeting was: nothing is invented.
    expect(informal).toEqual({ date: '2022-01-09', places: 0 });
  });

  it('attributes statements with speaker, occasion, audience, mentions and position in the article', async () => {
    const [quote] = await cypher(
      `MATCH (speaker)-[:STATED]->(s:Statement {id: 'statement:ryabkov-guarantees-must-be-legally-binding'})
       MATCH (s)-[:MADE_AT]->(occasion:Meeting)
       MATCH (s)-[at:REPORTED_IN]->(a:Article)
       MATCH (s)-[:HEARD_BY]->(audience:Organization)
       OPTIONAL MATCH (s)-[:MENTIONS]->(m)
       RETURN speaker.name AS speaker, s.kind AS kind, s.language AS language, s.text AS text,
              collect(DISTINCT [audience.name, audience.unnamed]) AS audience,
              occasion.kind AS occasion, s.date AS date, a.id AS article, at.paragraph AS paragraph,
              at.offset AS offset, collect(m.id) AS mentions`,
    );
    expect(quote).toMatchObject({
      speaker: 'Sergei Ryabkov',
      kind: 'DIRECT_QUOTE',
      language: 'id',
      audience: [["Reporters at Ryabkov's Geneva press conference (unnamed)", true]],
      occasion: 'PRESS_CONFERENCE',
      date: '2022-01-10',
      article: genevaArticle,
    });
    expect(quote!.text).toContain('mengikat secara hukum');
    expect(quote!.paragraph).toBeGreaterThanOrEqual(1);
    // The article puts no words in a state's mouth: the US position is Ryabkov's account of it.
    const states = await cypher("MATCH (o:Organization {kind: 'STATE'})-[:STATED]->(s:Statement) RETURN s.id AS id");
    expect(states).toEqual([]);
    const [usPosition] = await cypher(
      `MATCH (speaker)-[:STATED]->(s:Statement {id: 'statement:ryabkov-us-says-no-one-can-rule-on-ukraine-nato-membership'})
       MATCH (s)-[:MENTIONS]->(:Organization {id: 'organization:united-states'})
       MATCH (s)-[:MADE_AT]->(occasion)
       RETURN speaker.id AS speaker, occasion.id AS occasion`,
    );
    expect(usPosition).toEqual({
      speaker: 'person:sergei-ryabkov',
      occasion: 'meeting:ryabkov-press-conference-geneva-2022-01-10',
    });
    const [sherman] = await cypher(
      "MATCH (:Person {id: 'person:wendy-sherman'})-[:STATED]->(s) RETURN count(s) AS statements",
    );
    expect(sherman!.statements).toBeGreaterThanOrEqual(3);
  });

  it('finds names, aliases and statement text through the full-text index', async () => {
    const rows = await cypher(
      "CALL db.index.fulltext.queryNodes('search', 'Jenewa') YIELD node RETURN node.id AS id LIMIT 1",
    );
    expect(rows).toEqual([{ id: 'place:geneva' }]);
  });
});

describe('the synthetic generator', () => {
  it('is deterministic for a seed and differs for another', () => {
    const a = JSON.stringify(syntheticDocuments(presets.tiny!, 7));
    expect(JSON.stringify(syntheticDocuments(presets.tiny!, 7))).toBe(a);
    expect(JSON.stringify(syntheticDocuments(presets.tiny!, 8))).not.toBe(a);
  });

  it('loads a skewed graph of the same model through the same loader', async () => {
    const documents = syntheticSeedInputs(presets.tiny!, 1);
    const report = await seedDocuments(driver, documents, { database, transaction: 'batched' });
    expect(report.after.relationships).toBeGreaterThan(1500);
    const [shape] = await cypher(
      `MATCH (m:Meeting) WITH m, COUNT { (m)<-[:PARTICIPATED_IN]-(:Person) } AS people
       WITH min(people) AS fewest, max(people) AS most
       MATCH (p:Person) WITH fewest, most, p, COUNT { (p)-[:PARTICIPATED_IN]->() } AS attended
       WITH fewest, most, attended ORDER BY attended DESC
       WITH fewest, most, collect(attended) AS attendance
       RETURN fewest, most, attendance[0] AS busiest, attendance[size(attendance) / 2] AS median`,
    );
    expect(shape!.fewest).toBeGreaterThanOrEqual(2);
    expect(shape!.most).toBeLessThanOrEqual(20);
    expect(shape!.busiest).toBeGreaterThan(5 * Math.max(1, shape!.median));
  });
});

describe('the loader', () => {
  /** Every node and relationship, without the times of loading (they differ from run to run). */
  async function graphWithoutTimes() {
    const { nodes, relationships } = await snapshot();
    const strip = (props: Record<string, unknown>) => {
      const { ingestedAt: _i, loadedAt: _l, ...rest } = props;
      return rest;
    };
    const provenance = await cypher('MATCH (p:Provenance) RETURN properties(p) AS props ORDER BY p.article');
    return {
      nodes: nodes.filter((n) => n.labels.includes('Node')).map((n) => ({ ...n, props: strip(n.props) })),
      relationships,
      provenance: provenance.map((p) => strip(p.props)),
    };
  }

  it('merges a relationship a later document states again between nodes the graph holds, and retracts it exactly', async () => {
    // Article 1 lists a person and an organization and the position between them. Article 2 states
    // the same position: the person is listed again (a document's relationships hang off what it
    // lists), the organization is only referred to, so its id is in none of article 2's node rows.
    const first = 'article:fixture-ends-first';
    const second = 'article:fixture-ends-second';
    const person = 'person:fixture-ends-envoy';
    const organization = 'organization:fixture-ends-ministry';
    const article = (id: string, publisher: string) => ({
      id,
      sourceFile: `${id.slice('article:'.length)}.txt`,
      headline: `A report (${id})`,
      publisher,
      published: '2022-01-12',
      language: 'en',
    });
    const envoy = { id: person, name: 'Fixture Envoy', positions: [{ organization, title: 'envoy' }] };
    await seedDocuments(
      driver,
      [
        {
          file: 'first.yaml',
          raw: {
            article: article(first, 'organization:fixture-ends-wire'),
            organizations: [
              { id: 'organization:fixture-ends-wire', name: 'Fixture Ends Wire', kind: 'NEWS_AGENCY' },
              { id: organization, name: 'Fixture Ministry', kind: 'GOVERNMENT' },
            ],
            people: [envoy],
          },
        },
      ],
      { database },
    );
    const positions = () =>
      cypher(
        'MATCH (:Person {id: $person})-[r:HOLDS_POSITION]->(:Organization {id: $organization}) RETURN properties(r) AS props',
        { person, organization },
      );
    const [alone] = await positions();
    await seedDocuments(
      driver,
      [{ file: 'second.yaml', raw: { article: article(second, 'organization:fixture-ends-wire'), people: [envoy] } }],
      { database },
    );
    const both = await positions();
    expect(both).toHaveLength(1);
    expect(both[0]!.props.sources).toEqual([first, second]);

    const retracted = await retractArticle({ driver, database, logger: createLogger('silent') }, second, 'test');
    expect(retracted.counts).not.toBeNull();
    expect(await positions()).toEqual([alone]);
    expect(alone!.props.sources).toEqual([first]);
  });

  it('ends a bulk load with every index of the schema online, its texts found in their language', async () => {
    // Some indexes are created before the rows and the others after them: what is left must be the
    // whole schema, and the language indexes must hold the texts loaded.
    const documents = syntheticSeedInputs(presets.tiny!, 5);
    await seedDocuments(driver, documents, { database, reset: true, transaction: 'batched', bulkRows: 1 });
    const indexes = await cypher(
      "SHOW INDEXES YIELD name, state WHERE name STARTS WITH 'search' OR name STARTS WITH 'node_' RETURN name, state",
    );
    const named = (statement: string) => /(?:INDEX|CONSTRAINT) (\w+)/.exec(statement)?.[1];
    const expected = [...indexStatements, ...constraintStatements]
      .map(named)
      .filter((name) => /^(search|node_)/.test(name!));
    expect(indexes.map((row) => row.name).sort()).toEqual(expected.sort());
    expect(indexes.filter((row) => row.state !== 'ONLINE')).toEqual([]);
    for (const [index, language] of [
      ['search_german', 'de'],
      ['search_indonesian', 'id'],
    ]) {
      const [statement] = await cypher('MATCH (s:Statement {language: $language}) RETURN s.text AS text LIMIT 1', {
        language,
      });
      const word = (statement!.text as string).split(/\W+/).find((w) => w.length > 4)!;
      const [hits] = await cypher(
        `CALL db.index.fulltext.queryNodes('${index}', $word) YIELD node RETURN count(node) AS n`,
        { word },
      );
      expect(hits!.n, `${index} finds "${word}"`).toBeGreaterThan(0);
    }
  });

  it('reports the seconds of each step, the indexes only when a bulk load builds them after its rows', async () => {
    const started = performance.now();
    const bulk = await seedDocuments(driver, syntheticSeedInputs(presets.tiny!, 7).slice(0, 5), {
      database,
      reset: true,
      transaction: 'batched',
      bulkRows: 1,
    });
    const elapsed = (performance.now() - started) / 1000;
    const { validation, schema, writes, indexes } = bulk.seconds;
    for (const seconds of [validation, schema, writes, indexes]) expect(seconds).toBeGreaterThan(0);
    expect(validation + schema + writes + indexes).toBeLessThanOrEqual(elapsed);
    // Into a graph that holds nodes: the schema before the rows, no index left to build after them.
    const small = await seedFiles(driver, [geneva], { database });
    expect(small.seconds.writes).toBeGreaterThan(0);
    expect(small.seconds.indexes).toBe(0);
    const dry = await seedFiles(driver, [geneva], { database, dryRun: true });
    expect(dry.seconds).toEqual({ validation: expect.any(Number) as number, schema: 0, writes: 0, indexes: 0 });
    expect(dry.seconds.validation).toBeGreaterThan(0);
  });

  it('drops the indexes on Node.name that earlier versions created, which no query can use', async () => {
    // A database an earlier version loaded: its two indexes on names are still there.
    await cypher('CREATE TEXT INDEX node_name_text IF NOT EXISTS FOR (n:Node) ON (n.name)');
    await cypher('CREATE RANGE INDEX node_name IF NOT EXISTS FOR (n:Node) ON (n.name)');
    const named = async () =>
      (await cypher('SHOW INDEXES YIELD name RETURN name'))
        .map((row) => row.name as string)
        .filter((name) => (retiredIndexes as readonly string[]).includes(name));
    expect((await named()).sort()).toEqual(['node_name', 'node_name_text']);
    await seedDocuments(driver, syntheticSeedInputs(presets.tiny!, 6).slice(0, 3), { database, reset: true });
    expect(await named()).toEqual([]);
    // Nor does the schema create an index on a node's name again.
    expect(indexStatements.filter((statement) => /\(n\.name\)/.test(statement))).toEqual([]);
  });

  it('creates before a bulk load only full-text indexes of languages the load has no text in', () => {
    const parsed = parseSeedFile(geneva);
    const early = indexesEmptyAfter([documentRowsOf(parsed.document!)]);
    const named = (statement: string) => /FULLTEXT INDEX (\w+)/.exec(statement)?.[1];
    // Geneva is in Indonesian, and its headlines and descriptions feed the English index.
    expect(early.map(named)).not.toContain('search_indonesian');
    expect(early.map(named)).not.toContain('search_english');
    expect(early.map(named)).toContain('search_german');
    // Every one of them is a statement of the schema, which the load completes afterwards.
    for (const statement of early) expect(indexStatements).toContain(statement);
    expect(early).toHaveLength(indexStatements.filter((s) => /FULLTEXT INDEX search_/.test(s)).length - 2);
  });

  it('writes whole documents only, and a rerun after a failure completes the graph as one clean load would', async () => {
    // The registry and eight articles.
    const documents: DocumentRows[] = syntheticSeedInputs(presets.tiny!, 3)
      .slice(0, 9)
      .map((input) => documentRowsOf(seedDocumentSchema.parse(input.raw)));
    // Article 5 says one of its meetings took place somewhere the graph does not hold: its
    // transaction fails when it finds fewer places than rows (as a node retracted meanwhile would).
    const broken = structuredClone(documents);
    const heldIn = broken[6]!.rows.relationships.find((row) => row.type === 'HELD_IN')!;
    heldIn.to = 'place:nowhere';
    await ensureSchema(driver, database);
    const options = { database, transaction: 'batched' as const, batchSize: 300, concurrency: 2 };
    await expect(loadDocuments(driver, broken, options)).rejects.toThrow(/a referenced node is missing/);

    // Each document is there entirely (with its provenance record) or not at all.
    const loaded = new Set(
      (await cypher('MATCH (p:Provenance) RETURN p.article AS article')).map((row) => row.article as string),
    );
    expect(loaded.has(documents[0]!.article)).toBe(true);
    expect(loaded.has(documents[6]!.article)).toBe(false);
    for (const doc of documents) {
      const [present] = await cypher(
        `CALL () { MATCH (n:Node) WHERE n.id IN $ids AND $article IN n.sources RETURN count(n) AS nodes }
         CALL () { MATCH ()-[r]->() WHERE $article IN r.sources RETURN count(r) AS rels }
         RETURN nodes, rels`,
        { ids: doc.defines, article: doc.article },
      );
      const expected = loaded.has(doc.article)
        ? { nodes: doc.defines.length, rels: doc.rows.relationships.length }
        : { nodes: 0, rels: 0 };
      expect(present, doc.article).toEqual(expected);
    }

    // Run again with the documents as they should be: what was loaded is skipped, the rest is added.
    const rerun = await loadDocuments(driver, documents, options);
    expect(rerun.counts.documents).toEqual({
      created: documents.length - loaded.size,
      replaced: 0,
      unchanged: loaded.size,
    });
    const repaired = await graphWithoutTimes();
    await resetGraph(driver, database);
    await loadDocuments(driver, documents, options);
    expect(repaired).toEqual(await graphWithoutTimes());
  }, 600_000);
});
