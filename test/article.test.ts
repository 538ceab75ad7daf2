/**
 * The source article itself (when, by whom, what it reports), the topics meetings and statements are
 * about, looking up any node by id with `node` and `nodes`, and `about`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { geneva, ids, startGenevaApi, type TestApi } from './helpers.js';

const { article, dialogue, pressConference, talks } = geneva;
const headline =
  "Russia's Ryabkov reports no progress with the US on ruling out Ukraine's NATO membership after Geneva talks";

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

describe('article(id)', () => {
  it('gives the article its headline, source file, language, month of publication and publisher', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        article(id: $id) {
          id headline sourceFile language url
          publishedOn { iso precision earliest latest }
          publisher { id name kind }
        }
      }`,
      { id: article },
    );
    expect(data.article).toEqual({
      id: article,
      headline,
      sourceFile: '000_2129ad4d3e752772.txt',
      language: 'id',
      url: null,
      publishedOn: { iso: '2022-01', precision: 'MONTH', earliest: '2022-01-01', latest: '2022-01-31' },
      publisher: { id: 'organization:islam-times', name: 'Islam Times', kind: 'NEWS_OUTLET' },
    });
  });

  it('reports all sixteen statements, a page at a time, undated first', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        article(id: $id) {
          statements(first: 3) { totalCount nodes { id reportedIn { article { id } } } pageInfo { hasNextPage } }
        }
      }`,
      { id: article },
    );
    expect(data.article.statements).toEqual({
      totalCount: 16,
      nodes: [
        { id: 'statement:ryabkov-first-meeting-difficult', reportedIn: { article: { id: article } } },
        { id: 'statement:sherman-no-russian-guarantees-on-troop-withdrawal', reportedIn: { article: { id: article } } },
        { id: 'statement:sherman-some-russian-demands-non-starters', reportedIn: { article: { id: article } } },
      ],
      pageInfo: { hasNextPage: true },
    });
  });

  it('is its own source', async () => {
    const data = await api.ask(
      `query ($id: ID!) { article(id: $id) { sources { totalCount nodes { id headline } } } }`,
      {
        id: article,
      },
    );
    expect(data.article.sources).toEqual({ totalCount: 1, nodes: [{ id: article, headline }] });
  });

  it('answers null for the id of its publisher, and for an unknown id', async () => {
    const data = await api.ask(`{
      publisher: article(id: "organization:islam-times") { id }
      unknown: article(id: "article:0000000000000000") { id }
    }`);
    expect(data).toEqual({ publisher: null, unknown: null });
  });
});

describe('articles', () => {
  const articles = `query ($filter: ArticleFilter) { articles(filter: $filter) { totalCount nodes { id } } }`;
  const none = { totalCount: 0, nodes: [] };
  const one = { totalCount: 1, nodes: [{ id: article }] };

  it('lists the one article', async () => {
    const data = await api.ask(
      `{ articles { totalCount nodes { id headline date { iso } publishedOn { iso } } pageInfo { hasNextPage } } }`,
    );
    // `date`, as on every dated type; `publishedOn` is its deprecated alias.
    expect(data.articles).toEqual({
      totalCount: 1,
      nodes: [{ id: article, headline, date: { iso: '2022-01' }, publishedOn: { iso: '2022-01' } }],
      pageInfo: { hasNextPage: false },
    });
  });

  it('filters by publisher', async () => {
    expect((await api.ask(articles, { filter: { publisher: 'organization:islam-times' } })).articles).toEqual(one);
    expect((await api.ask(articles, { filter: { publisher: 'organization:russia' } })).articles).toEqual(none);
  });

  it('filters by language', async () => {
    expect((await api.ask(articles, { filter: { language: 'id' } })).articles).toEqual(one);
    expect((await api.ask(articles, { filter: { language: 'en' } })).articles).toEqual(none);
  });

  it('filters by headline, case-insensitively', async () => {
    expect((await api.ask(articles, { filter: { headlineContains: 'GENEVA TALKS' } })).articles).toEqual(one);
    expect((await api.ask(articles, { filter: { headlineContains: 'Vienna' } })).articles).toEqual(none);
  });

  it('filters by month and year of publication', async () => {
    expect((await api.ask(articles, { filter: { date: { from: '2022-01', to: '2022-01' } } })).articles).toEqual(one);
    expect((await api.ask(articles, { filter: { date: { from: '2022', to: '2022' } } })).articles).toEqual(one);
    expect((await api.ask(articles, { filter: { date: { to: '2021-12-31' } } })).articles).toEqual(none);
    expect((await api.ask(articles, { filter: { date: { from: '2022-02-01' } } })).articles).toEqual(none);
  });

  it('counts an article of January 2022 as published from 1 January 2022 on', async () => {
    expect((await api.ask(articles, { filter: { date: { from: '2022-01-01' } } })).articles).toEqual(one);
  });
});

describe('topics', () => {
  it('gives a topic its description, the meetings and statements about it, and those that mention it', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        topic(id: $id) {
          id name description
          sources { totalCount nodes { id } }
          meetings { totalCount nodes { id } }
          statements { totalCount nodes { id } }
          mentionedIn { totalCount nodes { id } }
        }
      }`,
      { id: 'topic:security-guarantees' },
    );
    const statements = {
      totalCount: 2,
      nodes: [
        { id: 'statement:ryabkov-russia-wants-strong-guarantees' },
        { id: 'statement:ryabkov-guarantees-must-be-legally-binding' },
      ],
    };
    expect(data.topic).toEqual({
      id: 'topic:security-guarantees',
      name: 'Security guarantees',
      description: 'Firm, legally binding guarantees Russia demands, above all that Ukraine never joins NATO.',
      sources: { totalCount: 1, nodes: [{ id: article }] },
      meetings: { totalCount: 3, nodes: [{ id: dialogue }, { id: talks }, { id: pressConference }] },
      statements,
      mentionedIn: statements,
    });
  });

  it('knows a topic no meeting was about', async () => {
    const data = await api.ask(
      `{ topic(id: "topic:russian-troops-near-ukraine") { meetings { totalCount } statements { nodes { id } } } }`,
    );
    expect(data.topic).toEqual({
      meetings: { totalCount: 0 },
      statements: { nodes: [{ id: 'statement:sherman-no-russian-guarantees-on-troop-withdrawal' }] },
    });
  });

  it('answers null for the id of something else, and for an unknown id', async () => {
    const data = await api.ask(`{
      place: topic(id: "place:geneva") { id }
      unknown: topic(id: "topic:climate") { id }
    }`);
    expect(data).toEqual({ place: null, unknown: null });
  });

  it('lists all eight topics by name', async () => {
    const data = await api.ask(`{ topics { totalCount nodes { name } } }`);
    expect(data.topics).toEqual({
      totalCount: 8,
      nodes: [
        { name: 'Continuing the US–Russia dialogue' },
        { name: 'Fears of a Russian invasion of Ukraine' },
        { name: "NATO's eastward expansion" },
        { name: "Russia's military-technical response" },
        { name: 'Russian troops massed near Ukraine' },
        { name: 'Security arrangements between Russia and the West' },
        { name: 'Security guarantees' },
        { name: "Ukraine's membership of NATO" },
      ],
    });
  });

  it('filters topics by name, case-insensitively', async () => {
    const query = `query ($filter: TopicFilter) { topics(filter: $filter) { totalCount nodes { id } } }`;
    const nato = await api.ask(query, { filter: { nameContains: 'nato' } });
    expect(ids(nato.topics)).toEqual(['topic:nato-eastward-expansion', 'topic:ukraine-nato-membership']);
    const none = await api.ask(query, { filter: { nameContains: 'climate' } });
    expect(none.topics).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('node and nodes', () => {
  it('finds any node by id, with fragments on its type', async () => {
    const data = await api.ask(`{
      person: node(id: "person:sergei-ryabkov") { __typename id ... on Person { name } }
      place: node(id: "place:geneva") { __typename id ... on Place { name kind } }
      meeting: node(id: "${talks}") { __typename ... on Meeting { kind duration } }
      statement: node(id: "statement:ryabkov-guarantees-must-be-legally-binding") { __typename ... on Statement { kind } }
      article: node(id: "${article}") { __typename ... on Article { language } }
      topic: node(id: "topic:security-guarantees") { __typename ... on Topic { name } }
      organization: node(id: "organization:nato") { __typename ... on Organization { kind } }
    }`);
    expect(data).toEqual({
      person: { __typename: 'Person', id: 'person:sergei-ryabkov', name: 'Sergei Ryabkov' },
      place: { __typename: 'Place', id: 'place:geneva', name: 'Geneva', kind: 'CITY' },
      meeting: { __typename: 'Meeting', kind: 'TALKS', duration: 'PT7H' },
      statement: { __typename: 'Statement', kind: 'DIRECT_QUOTE' },
      article: { __typename: 'Article', language: 'id' },
      topic: { __typename: 'Topic', name: 'Security guarantees' },
      organization: { __typename: 'Organization', kind: 'MILITARY_ALLIANCE' },
    });
  });

  it('gives every node its sources through the Node interface', async () => {
    const data = await api.ask(`{ node(id: "organization:the-west") { id sources { totalCount nodes { id } } } }`);
    expect(data.node).toEqual({
      id: 'organization:the-west',
      sources: { totalCount: 1, nodes: [{ id: article }] },
    });
  });

  it('answers null for an unknown id', async () => {
    const data = await api.ask(`{ node(id: "person:nobody") { id } }`);
    expect(data).toEqual({ node: null });
  });

  it('finds several nodes in the order asked, null in the place of an unknown id', async () => {
    const data = await api.ask(
      `query ($ids: [ID!]!) {
        nodes(ids: $ids) {
          __typename id
          ... on Meeting { name }
          ... on Article { headline }
          ... on Person { name }
        }
      }`,
      { ids: [talks, 'person:nobody', article, 'person:wendy-sherman', talks] },
    );
    expect(data.nodes).toEqual([
      { __typename: 'Meeting', id: talks, name: 'US–Russia talks in Geneva, 10 January 2022' },
      null,
      { __typename: 'Article', id: article, headline },
      { __typename: 'Person', id: 'person:wendy-sherman', name: 'Wendy Sherman' },
      { __typename: 'Meeting', id: talks, name: 'US–Russia talks in Geneva, 10 January 2022' },
    ]);
  });

  it('answers an empty list for no ids', async () => {
    expect(await api.ask(`{ nodes(ids: []) { id } }`)).toEqual({ nodes: [] });
  });

  it('refuses more than 100 ids, naming the argument', async () => {
    const response = await api.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 101 }, (_, i) => `person:p${i}`),
    });
    expect(response.errors?.[0]).toMatchObject({
      message: 'Argument "ids" may hold at most 100 ids, got 101',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('about', () => {
  it('names this server’s version and the Neo4j answering it', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const data = await api.ask(`{ about { version neo4jVersion neo4jEdition } }`);
    expect(data.about.version).toBe(version);
    expect(data.about.neo4jVersion).toMatch(/^5\.26\.\d+$/);
    expect(data.about.neo4jEdition).toBe('community');
  });
});
