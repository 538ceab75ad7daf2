/**
 * Full-text search over the Geneva article: names, aliases in the source's language, statement
 * quotes and English summaries are all found, best first, with the field that matched; the user's
 * words are words, never Lucene syntax; bad arguments name themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullTextLanguages } from '../src/model/graph.js';
import { searchedIndexes } from '../src/search/cypher.js';
import { startGenevaApi, type TestApi } from './helpers.js';

let api: TestApi;
let indexedNodes: number;

beforeAll(async () => {
  api = await startGenevaApi();
  const [row] = await api.cypher('MATCH (n:Node) RETURN count(n) AS nodes');
  indexedNodes = row!.nodes;
});
afterAll(async () => api.close());

const searchQuery = `
  query ($text: String!, $types: [SearchableType!], $first: Int, $after: String, $last: Int, $before: String) {
    search(text: $text, types: $types, first: $first, after: $after, last: $last, before: $before) {
      edges {
        node { __typename id }
        score
        matchedField
        matchedText
      }
    }
  }`;

interface Hit {
  node: { __typename: string; id: string };
  score: number;
  matchedField: string | null;
  matchedText: string | null;
}

async function search(text: string, options: { types?: string[]; first?: number } = {}) {
  const response = await api.query(searchQuery, { text, ...options });
  expect(response.errors, `search for ${JSON.stringify(text)}`).toBeUndefined();
  return response.data.search.edges as Hit[];
}

const ids = (results: Hit[]) => results.map((result) => result.node.id);

describe('search', () => {
  it('finds Geneva first by its Indonesian name, from its aliases', async () => {
    const results = await search('Jenewa');
    expect(results[0]).toEqual({
      node: { __typename: 'Place', id: 'place:geneva' },
      score: expect.any(Number),
      matchedField: 'aliases',
      matchedText: 'Jenewa',
    });
    expect(results[0]!.score).toBeGreaterThan(0);
  });

  it('finds only people when asked for people, Ryabkov first', async () => {
    const results = await search('Ryabkov', { types: ['PERSON'] });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.node.__typename === 'Person')).toBe(true);
    expect(results[0]!.node.id).toBe('person:sergei-ryabkov');
    expect(results[0]!.score).toBeGreaterThan(0);
    expect(results[0]!.matchedField).toBe('name');
    expect(results[0]!.matchedText).toBe('Sergei Ryabkov');
    // Without the filter, Ryabkov's statements are found as well.
    const everything = await search('Ryabkov', { first: 100 });
    expect(everything.some((result) => result.node.__typename === 'Statement')).toBe(true);
  });

  it('returns results best first', async () => {
    const results = await search('Ryabkov Sherman NATO', { first: 100 });
    expect(results.length).toBeGreaterThan(5);
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds a statement by a word of its English summary', async () => {
    const results = await search('bulletproof');
    expect(results).toEqual([
      {
        node: { __typename: 'Statement', id: 'statement:ryabkov-guarantees-must-be-legally-binding' },
        score: expect.any(Number),
        matchedField: 'summary',
        matchedText: expect.stringContaining('bulletproof'),
      },
    ]);
  });

  it('finds a statement by a word of its Indonesian quote', async () => {
    const results = await search('peluru');
    expect(results).toEqual([
      {
        node: { __typename: 'Statement', id: 'statement:ryabkov-guarantees-must-be-legally-binding' },
        score: expect.any(Number),
        matchedField: 'text',
        matchedText: 'Kami membutuhkan jaminan yang kuat, tahan air, tahan peluru, dan mengikat secara hukum.',
      },
    ]);
    // Case does not matter.
    expect(ids(await search('PELURU'))).toEqual(ids(results));
  });

  it('reports as matched a text holding one of the words whole or in another form, never inside another word', async () => {
    // The quote "AS menunjukkan … Rusia …" holds "us" only inside "Rusia"; the summary says "the US had".
    const [quote] = (await search('US', { types: ['STATEMENT'], first: 100 })).filter(
      (result) => result.node.id === 'statement:ryabkov-us-says-no-one-can-rule-on-ukraine-nato-membership',
    );
    expect(quote?.matchedField).toBe('summary');
    expect(quote?.matchedText).toContain('the US had');
    for (const text of ['US', 'Ryabkov', 'NATO', 'talks', 'air', 'as', 'Rusia', 'security']) {
      const results = await search(text, { first: 100 });
      expect(results.length, text).toBeGreaterThan(0);
      const whole = new RegExp(`(^|[^\\p{L}\\p{N}])${text}($|[^\\p{L}\\p{N}])`, 'iu');
      // Another form of the word ("talking" for "talks", from the English analyzer) begins as it does.
      const form = new RegExp(`(^|[^\\p{L}\\p{N}])${text.slice(0, 4)}`, 'iu');
      for (const result of results) {
        const label = `${text} → ${result.node.id}: ${result.matchedText}`;
        if (whole.test(result.matchedText ?? '')) continue;
        expect(['text', 'headline', 'summary', 'description'], label).toContain(result.matchedField);
        expect(result.matchedText, label).toMatch(form);
      }
    }
  });

  it('returns as many as `first` says', async () => {
    expect(await search('Ryabkov', { first: 1 })).toHaveLength(1);
    expect((await search('Ryabkov', { first: 100 })).length).toBeGreaterThan(1);
  });
});

describe('search as a connection', () => {
  const page = `
    query ($text: String!, $types: [SearchableType!], $first: Int, $after: String, $last: Int, $before: String) {
      search(text: $text, types: $types, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor score node { id } }
        nodes { id }
      }
    }`;

  it('orders hits by score, then id, and counts them', async () => {
    const { search: all } = await api.ask(page, { text: 'Ryabkov Sherman NATO', first: 100 });
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThan(5);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const keys = all.edges.map((edge: { score: number; node: { id: string } }) => [edge.score, edge.node.id]);
    const sorted = [...keys].sort(([a, i], [b, j]) => b - a || (i < j ? -1 : i > j ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(all.nodes).toEqual(all.edges.map((edge: { node: unknown }) => edge.node));
  });

  it('gives as its first page of any size the start of the whole list (each index cut at its best hits)', async () => {
    for (const text of ['Ryabkov', 'Ryabkov Sherman NATO', 'talks', 'Rusia AS']) {
      const { search: all } = await api.ask(page, { text, first: 100 });
      for (const first of [1, 2, 3, 5]) {
        const { search: start } = await api.ask(
          'query ($text: String!, $first: Int) { search(text: $text, first: $first) { edges { score node { id } } pageInfo { hasNextPage } } }',
          { text, first },
        );
        expect(start.edges, `${text}, first ${first}`).toEqual(
          all.edges.slice(0, first).map(({ score, node }: { score: number; node: unknown }) => ({ score, node })),
        );
        expect(start.pageInfo.hasNextPage).toBe(all.totalCount > first);
      }
    }
  });

  it('pages forward and backward with exact scores in its cursors', async () => {
    const { search: all } = await api.ask(page, { text: 'Ryabkov Sherman NATO', first: 100 });
    const ids = all.nodes.map((node: { id: string }) => node.id);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { search: next }: { search: any } = await api.ask(page, { text: 'Ryabkov Sherman NATO', first: 3, after });
      forward.push(...next.nodes.map((node: { id: string }) => node.id));
      expect(next.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const { search: previous }: { search: any } = await api.ask(page, {
        text: 'Ryabkov Sherman NATO',
        last: 3,
        before,
      });
      backward.unshift(...previous.nodes.map((node: { id: string }) => node.id));
      expect(previous.pageInfo.hasNextPage).toBe(before !== null);
      if (!previous.pageInfo.hasPreviousPage) break;
      before = previous.pageInfo.startCursor;
    }
    expect(backward).toEqual(ids);
  });

  it('refuses a cursor of another search text or types, or of another list, naming the argument', async () => {
    const { search: ryabkov } = await api.ask(page, { text: 'Ryabkov', first: 1 });
    const { people } = await api.ask('{ people(first: 1) { pageInfo { endCursor } } }');
    for (const [variables, argument] of [
      [{ text: 'Sherman', first: 1, after: ryabkov.pageInfo.endCursor }, 'after'],
      [{ text: 'Sherman', last: 1, before: ryabkov.pageInfo.startCursor }, 'before'],
      [{ text: 'Ryabkov', types: ['PERSON'], first: 1, after: ryabkov.pageInfo.endCursor }, 'after'],
      [{ text: 'Ryabkov', first: 1, after: people.pageInfo.endCursor }, 'after'],
      [{ text: 'Ryabkov', first: 1, after: 'not a cursor' }, 'after'],
    ] as const) {
      const response = await api.query(page, variables);
      expect(response.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: argument,
      });
    }
    // The same words in other case and spacing are the same search: its cursors hold.
    const { search: same } = await api.ask(page, { text: '  RYABKOV ', first: 1, after: ryabkov.pageInfo.endCursor });
    expect(same.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('search in the language of the text', () => {
  const military = 'statement:ryabkov-military-technical-response-if-talks-fail';
  const diplomacy = 'statement:ryabkov-moscow-focused-on-diplomacy';

  it('finds "kegagalan" in an Indonesian statement when asked for "gagal" (Lucene\'s Indonesian stemmer)', async () => {
    const results = await search('gagal', { first: 100 });
    // Its quote holds "kegagalan" ("failure"); no text holds "gagal" as a word.
    expect(results).toEqual([
      {
        node: { __typename: 'Statement', id: military },
        score: expect.any(Number),
        matchedField: 'text',
        matchedText: expect.stringContaining('kegagalan'),
      },
    ]);
    // Whole words still match as before: "diplomasi" is a word of the other quote.
    expect(ids(await search('diplomasi'))).toEqual([diplomacy]);
  });

  it('has an index for every language the model declares, though Geneva is in Indonesian only', async () => {
    const rows = await api.cypher('SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual([...searchedIndexes].sort());
    expect(rows.every((row) => row.state === 'ONLINE')).toBe(true);
    const analyzers = new Set(Object.values(fullTextLanguages));
    expect(searchedIndexes).toHaveLength(analyzers.size + 1);
    expect(searchedIndexes).toContain('search_german');
  });

  it('searches the index of a language once a statement in it exists, and only then', async () => {
    // Geneva has no German statement: the German index is empty and skipped, and finds nothing.
    expect(await search('Verhandlung', { first: 100 })).toEqual([]);
    const text = 'Die Verhandlungen sind gescheitert.';
    await api.cypher(
      `CREATE (:Node:Statement {id: 'statement:test-german', text: $text, text_german: $text, language: 'de-AT',
         sources: [$article]})`,
      { text, article: 'article:2129ad4d3e752772' },
    );
    try {
      const results = await search('Verhandlung', { first: 100 });
      expect(results).toEqual([
        {
          node: { __typename: 'Statement', id: 'statement:test-german' },
          score: expect.any(Number),
          matchedField: 'text',
          matchedText: text,
        },
      ]);
    } finally {
      await api.cypher("MATCH (s:Statement {id: 'statement:test-german'}) DETACH DELETE s");
    }
  });

  it('matches English summaries by word form too, and still whole words first', async () => {
    // "guarantee" is nowhere as a whole word; "guarantees" is in three summaries.
    const results = await search('guarantee', { types: ['STATEMENT'], first: 100 });
    expect(ids(results).sort()).toEqual([
      'statement:ryabkov-guarantees-must-be-legally-binding',
      'statement:ryabkov-russia-wants-strong-guarantees',
      'statement:sherman-no-russian-guarantees-on-troop-withdrawal',
    ]);
    // An English word found whole is still found, and reported in the field that holds it whole.
    const [legally] = await search('bulletproof');
    expect(legally).toMatchObject({ matchedField: 'summary', matchedText: expect.stringContaining('bulletproof') });
  });

  it("finds audiences: the unnamed groups a statement was said to, by their description or the source's words", async () => {
    const english = await search('news agencies', { types: ['ORGANIZATION'] });
    expect(english[0]?.node.id).toBe('organization:russian-news-agencies');
    const indonesian = await search('kantor berita', { types: ['ORGANIZATION'] });
    expect(indonesian[0]).toMatchObject({
      node: { id: 'organization:russian-news-agencies' },
      matchedField: 'aliases',
      matchedText: 'kantor berita Rusia',
    });
    const reporters = await search('wartawan', { types: ['ORGANIZATION'] });
    expect(ids(reporters)).toEqual(['organization:reporters-at-ryabkov-geneva-press-conference']);
  });
});

describe('search text with Lucene syntax in it', () => {
  it('treats quotes, brackets, OR and *:* as plain words, not as a query that matches everything', async () => {
    const results = await search('"Ryabkov)" OR *:*', { first: 100 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThan(indexedNodes);
    // The same as the bare words.
    expect(ids(results)).toEqual(ids(await search('Ryabkov or', { first: 100 })));
  });

  it('finds nothing for *:* alone, without an error', async () => {
    expect(await search('*:*', { first: 100 })).toEqual([]);
  });

  it('treats AND as a word, so that it does not require both', async () => {
    // Nobody is named both Ryabkov and Sherman: as Lucene's AND this would find no person.
    const results = await search('Ryabkov AND Sherman', { types: ['PERSON'] });
    expect(ids(results).sort()).toEqual(['person:sergei-ryabkov', 'person:wendy-sherman']);
  });

  it('treats a field prefix as text, not as a field query', async () => {
    const results = await search('name:x', { first: 100 });
    expect(results.length).toBeLessThan(indexedNodes);
    expect(results.every((result) => result.node.id !== undefined)).toBe(true);
    // As a field query, description:diplomat would find exactly the two diplomats.
    const described = await search('description:diplomat', { types: ['PERSON'], first: 100 });
    expect(described.length).toBeLessThan(2);
  });

  it('does not error on other special characters', async () => {
    for (const text of [
      'Ryabkov~',
      'Rya*',
      'Ryabkov^10',
      '[a TO z]',
      '\\',
      '/regex/',
      'Ryabkov && Sherman || !NATO',
      '+-',
    ]) {
      const results = await search(text, { first: 100 });
      expect(results.length, text).toBeLessThan(indexedNodes);
    }
  });
});

describe('bad search arguments', () => {
  it('refuses empty text, naming "text"', async () => {
    for (const text of ['', '   ']) {
      const response = await api.query(searchQuery, { text });
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.extensions?.argumentName).toBe('text');
      expect(response.errors![0]!.message).toContain('"text"');
    }
  });

  it('refuses first: 0, naming "first", and first with last, naming "last"', async () => {
    const response = await api.query(searchQuery, { text: 'Ryabkov', first: 0 });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const both = await api.query(searchQuery, { text: 'Ryabkov', first: 1, last: 1 });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'last' });
  });
});
