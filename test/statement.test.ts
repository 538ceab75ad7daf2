/**
 * Statements over the Geneva article: a direct quote with who said it, where, to whom, about what
 * and where it stands in the article; a position attributed to a state; and the `statements` list's
 * filters (speaker, mentions, topic, occasion, kind, language, text, dates).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneva, ids, pressConferenceStatements, startGenevaApi, type TestApi } from './helpers.js';

const { article, pressConference } = geneva;

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

describe('statement(id)', () => {
  it('gives a direct quote with speaker, occasion, audience, no addressee the article does not name, mentions, topics and position', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        statement(id: $id) {
          id text language summary kind
          date { iso precision }
          audience { totalCount nodes { __typename id name ... on Organization { kind unnamed } } }
          speaker { __typename ... on Person { name } }
          occasion { id kind place { name } }
          addressedTo { totalCount nodes { __typename id name } }
          mentions {
            totalCount
            nodes {
              __typename
              ... on Organization { id name }
              ... on Topic { id name }
            }
          }
          topics { nodes { id } }
          reportedIn { article { id } paragraph offset }
          sources { totalCount nodes { id } }
        }
      }`,
      { id: 'statement:ryabkov-no-plans-to-attack-ukraine' },
    );
    expect(data.statement).toEqual({
      id: 'statement:ryabkov-no-plans-to-attack-ukraine',
      text: "kami tidak memiliki rencana, tidak ada niat untuk 'menyerang' Ukraina ... Tidak ada alasan untuk takut akan eskalasi",
      language: 'id',
      summary:
        'Ryabkov said Russia had explained to "our colleagues" that it has no plan or intention to attack Ukraine and that there is no reason to fear an escalation.',
      kind: 'DIRECT_QUOTE',
      date: { iso: '2022-01-10', precision: 'DAY' },
      audience: {
        totalCount: 1,
        nodes: [
          {
            __typename: 'Organization',
            id: 'organization:reporters-at-ryabkov-geneva-press-conference',
            name: "Reporters at Ryabkov's Geneva press conference (unnamed)",
            kind: 'GROUP',
            unnamed: true,
          },
        ],
      },
      speaker: { __typename: 'Person', name: 'Sergei Ryabkov' },
      occasion: { id: pressConference, kind: 'PRESS_CONFERENCE', place: { name: 'Geneva' } },
      // "Kami menjelaskan kepada rekan-rekan kami" ("to our colleagues"): the article names no addressee.
      addressedTo: { totalCount: 0, nodes: [] },
      mentions: {
        totalCount: 3,
        nodes: [
          {
            __typename: 'Topic',
            id: 'topic:fears-of-russian-invasion-of-ukraine',
            name: 'Fears of a Russian invasion of Ukraine',
          },
          { __typename: 'Organization', id: 'organization:russia', name: 'Russia' },
          { __typename: 'Organization', id: 'organization:ukraine', name: 'Ukraine' },
        ],
      },
      topics: { nodes: [{ id: 'topic:fears-of-russian-invasion-of-ukraine' }] },
      reportedIn: { article: { id: article }, paragraph: 2, offset: 1961 },
      sources: { totalCount: 1, nodes: [{ id: article }] },
    });
  });

  it('mentions of every kind (person, organization, meeting, topic), and an unnamed audience', async () => {
    const data = await api.ask(
      `query ($sherman: ID!, $difficult: ID!) {
        sherman: statement(id: $sherman) {
          addressedTo { nodes { __typename ... on Person { id name } } }
          mentions { nodes { __typename ... on Person { id } ... on Organization { id } ... on Topic { id } } }
        }
        difficult: statement(id: $difficult) {
          kind audience { nodes { id name ... on Organization { unnamed } } } date { iso } occasion { id } topics { totalCount }
          mentions { nodes { __typename ... on Person { id } ... on Meeting { id kind } } }
          reportedIn { paragraph offset }
        }
      }`,
      {
        sherman: 'statement:ryabkov-assured-sherman-invasion-fears-unfounded',
        difficult: 'statement:ryabkov-first-meeting-difficult',
      },
    );
    // "he had assured Sherman" is what Ryabkov told reporters: Sherman is mentioned, not addressed.
    expect(data.sherman.addressedTo.nodes).toEqual([]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...data.sherman.mentions.nodes].sort(byId)).toEqual([
      { __typename: 'Organization', id: 'organization:russia' },
      { __typename: 'Organization', id: 'organization:ukraine' },
      { __typename: 'Person', id: 'person:wendy-sherman' },
      { __typename: 'Topic', id: 'topic:fears-of-russian-invasion-of-ukraine' },
    ]);
    // Said to Russian news agencies (which the article does not name), undated, at no known occasion,
    // about no topic; a paraphrase quoting one word.
    expect(data.difficult).toEqual({
      kind: 'PARAPHRASE',
      audience: {
        nodes: [{ id: 'organization:russian-news-agencies', name: 'Russian news agencies (unnamed)', unnamed: true }],
      },
      date: null,
      occasion: null,
      topics: { totalCount: 0 },
      mentions: {
        nodes: [
          {
            __typename: 'Meeting',
            id: 'meeting:ryabkov-sherman-informal-meeting-2022-01-09',
            kind: 'INFORMAL_MEETING',
          },
          { __typename: 'Person', id: 'person:wendy-sherman' },
        ],
      },
      reportedIn: { paragraph: 2, offset: 3128 },
    });
  });

  it("gives the US position Ryabkov reported as Ryabkov's words at the press conference, about the US", async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        statement(id: $id) {
          kind language date { iso } occasion { id }
          audience { nodes { id } }
          speaker { __typename id name }
          addressedTo { totalCount }
          mentions { nodes { __typename ... on Organization { id } } }
          topics { nodes { id } }
          reportedIn { article { id } paragraph offset }
        }
      }`,
      { id: 'statement:ryabkov-us-says-no-one-can-rule-on-ukraine-nato-membership' },
    );
    expect(data.statement).toEqual({
      kind: 'DIRECT_QUOTE',
      language: 'id',
      date: { iso: '2022-01-10' },
      occasion: { id: pressConference },
      audience: { nodes: [{ id: 'organization:reporters-at-ryabkov-geneva-press-conference' }] },
      speaker: { __typename: 'Person', id: 'person:sergei-ryabkov', name: 'Sergei Ryabkov' },
      addressedTo: { totalCount: 0 },
      mentions: {
        nodes: expect.arrayContaining([{ __typename: 'Organization', id: 'organization:united-states' }]),
      },
      topics: { nodes: [{ id: 'topic:ukraine-nato-membership' }] },
      reportedIn: { article: { id: article }, paragraph: 2, offset: 583 },
    });
    // "What did the US say?" finds nothing the article does not attribute to the US.
    const us = await api.ask(`{ organization(id: "organization:united-states") { statements { totalCount } } }`);
    expect(us.organization.statements.totalCount).toBe(0);
  });

  it('answers null for the id of an article, and for an unknown id', async () => {
    const data = await api.ask(`{
      article: statement(id: "${article}") { id }
      unknown: statement(id: "statement:never-said") { id }
    }`);
    expect(data).toEqual({ article: null, unknown: null });
  });
});

describe('statements', () => {
  const statements = `query ($filter: StatementFilter, $orderBy: StatementOrder) {
    statements(filter: $filter, orderBy: $orderBy) { totalCount nodes { id } }
  }`;

  it('lists all sixteen, the undated first (by id), then by date and, on one date, in the order of the article', async () => {
    const data = await api.ask(statements, { filter: {} });
    expect(data.statements.totalCount).toBe(16);
    expect(ids(data.statements)).toEqual([
      'statement:ryabkov-first-meeting-difficult',
      'statement:sherman-no-russian-guarantees-on-troop-withdrawal',
      'statement:sherman-some-russian-demands-non-starters',
      'statement:sherman-us-ready-to-meet-again',
      ...pressConferenceStatements,
    ]);
  });

  it('orders by date descending', async () => {
    const descending = await api.ask(statements, {
      filter: { speaker: 'person:sergei-ryabkov' },
      orderBy: { field: 'DATE', direction: 'DESC' },
    });
    expect(ids(descending.statements)).toEqual([
      ...[...pressConferenceStatements].reverse(),
      'statement:ryabkov-first-meeting-difficult',
    ]);
  });

  it('filters by speaker, person or organization', async () => {
    const sherman = await api.ask(statements, { filter: { speaker: 'person:wendy-sherman' } });
    expect(sherman.statements).toEqual({
      totalCount: 3,
      nodes: [
        { id: 'statement:sherman-no-russian-guarantees-on-troop-withdrawal' },
        { id: 'statement:sherman-some-russian-demands-non-starters' },
        { id: 'statement:sherman-us-ready-to-meet-again' },
      ],
    });
    const ryabkov = await api.ask(statements, { filter: { speaker: 'person:sergei-ryabkov' } });
    expect(ryabkov.statements.totalCount).toBe(13);
    // The article's own narration is no one's statement: no state speaks in it.
    const russia = await api.ask(statements, { filter: { speaker: 'organization:russia' } });
    expect(russia.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by what a statement mentions', async () => {
    const sherman = await api.ask(statements, { filter: { mentions: 'person:wendy-sherman' } });
    expect(ids(sherman.statements)).toEqual([
      'statement:ryabkov-first-meeting-difficult',
      'statement:ryabkov-assured-sherman-invasion-fears-unfounded',
    ]);
    const dialogue = await api.ask(statements, { filter: { mentions: 'meeting:us-russia-security-talks-2022-01' } });
    expect(ids(dialogue.statements)).toEqual([
      'statement:ryabkov-moscow-for-continuing-dialogue',
      'statement:ryabkov-military-technical-response-if-talks-fail',
    ]);
    const geneva = await api.ask(statements, { filter: { mentions: 'place:geneva' } });
    expect(geneva.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by topic', async () => {
    const dialogue = await api.ask(statements, { filter: { topic: 'topic:continuing-the-dialogue' } });
    expect(ids(dialogue.statements)).toEqual([
      'statement:sherman-us-ready-to-meet-again',
      'statement:ryabkov-moscow-for-continuing-dialogue',
      'statement:ryabkov-moscow-focused-on-diplomacy',
    ]);
    const troops = await api.ask(statements, { filter: { topic: 'topic:russian-troops-near-ukraine' } });
    expect(ids(troops.statements)).toEqual(['statement:sherman-no-russian-guarantees-on-troop-withdrawal']);
  });

  it('filters by occasion', async () => {
    const press = await api.ask(statements, { filter: { occasion: pressConference } });
    expect(press.statements.totalCount).toBe(12);
    expect(ids(press.statements)).toEqual(pressConferenceStatements);
    const talks = await api.ask(statements, { filter: { occasion: 'meeting:us-russia-talks-geneva-2022-01-10' } });
    expect(talks.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by audience: who spoke to Russian news agencies, and what reporters heard', async () => {
    const agencies = await api.ask(
      `query ($audience: ID!) {
        statements(filter: { audience: $audience }) { totalCount nodes { id speaker { id } } }
        organization(id: $audience) { name unnamed heard { totalCount nodes { id } } }
      }`,
      { audience: 'organization:russian-news-agencies' },
    );
    expect(agencies.statements).toEqual({
      totalCount: 1,
      nodes: [{ id: 'statement:ryabkov-first-meeting-difficult', speaker: { id: 'person:sergei-ryabkov' } }],
    });
    expect(agencies.organization).toEqual({
      name: 'Russian news agencies (unnamed)',
      unnamed: true,
      heard: { totalCount: 1, nodes: [{ id: 'statement:ryabkov-first-meeting-difficult' }] },
    });
    const reporters = await api.ask(statements, {
      filter: { audience: 'organization:reporters-at-ryabkov-geneva-press-conference' },
    });
    expect(ids(reporters.statements)).toEqual(pressConferenceStatements);
    // Sherman's statements have no audience in the article.
    const sherman = await api.ask(statements, {
      filter: {
        audience: 'organization:reporters-at-ryabkov-geneva-press-conference',
        speaker: 'person:wendy-sherman',
      },
    });
    expect(sherman.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by kind', async () => {
    // Only words inside the article's quotation marks are direct quotes; a paraphrase quoting a word or two
    // ("tidak memulai", "sulit") stays a paraphrase; the article attributes no position to a state.
    const quotes = await api.ask(statements, { filter: { kind: 'DIRECT_QUOTE' } });
    expect(ids(quotes.statements)).toEqual([
      'statement:ryabkov-ukraine-nato-greatest-difference-with-us',
      'statement:ryabkov-us-says-no-one-can-rule-on-ukraine-nato-membership',
      'statement:ryabkov-ukraine-must-never-join-nato',
      'statement:ryabkov-guarantees-must-be-legally-binding',
      'statement:ryabkov-no-plans-to-attack-ukraine',
    ]);
    const sherman = await api.ask(statements, { filter: { kind: 'PARAPHRASE', speaker: 'person:wendy-sherman' } });
    expect(sherman.statements.totalCount).toBe(3);
    const positions = await api.ask(statements, { filter: { kind: 'REPORTED_POSITION' } });
    expect(positions.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by language', async () => {
    const indonesian = await api.ask(statements, { filter: { language: 'id' } });
    expect(indonesian.statements.totalCount).toBe(16);
    const english = await api.ask(statements, { filter: { language: 'en' } });
    expect(english.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('finds text in the English summary, case-insensitively', async () => {
    const data = await api.ask(statements, { filter: { textContains: 'BULLETPROOF' } });
    expect(ids(data.statements)).toEqual(['statement:ryabkov-guarantees-must-be-legally-binding']);
    const guarantees = await api.ask(statements, { filter: { textContains: 'guarantees' } });
    expect(ids(guarantees.statements)).toEqual([
      'statement:sherman-no-russian-guarantees-on-troop-withdrawal',
      'statement:ryabkov-russia-wants-strong-guarantees',
      'statement:ryabkov-guarantees-must-be-legally-binding',
    ]);
  });

  it('finds text in the reported words, in the source language', async () => {
    const data = await api.ask(statements, { filter: { textContains: 'eskalasi' } });
    expect(ids(data.statements)).toEqual(['statement:ryabkov-no-plans-to-attack-ukraine']);
    const none = await api.ask(statements, { filter: { textContains: 'sanctions' } });
    expect(none.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by date, leaving out undated statements', async () => {
    const from = await api.ask(statements, { filter: { date: { from: '2022-01-10' } } });
    expect(ids(from.statements)).toEqual(pressConferenceStatements);
    const to = await api.ask(statements, { filter: { date: { to: '2022-01-10' }, speaker: 'person:sergei-ryabkov' } });
    expect(ids(to.statements)).toEqual(pressConferenceStatements);
    const month = await api.ask(statements, { filter: { date: { from: '2022-01', to: '2022-01' } } });
    expect(month.statements.totalCount).toBe(12);
    const before = await api.ask(statements, { filter: { date: { to: '2022-01-09' } } });
    expect(before.statements).toEqual({ totalCount: 0, nodes: [] });
    const after = await api.ask(statements, { filter: { date: { from: '2022-01-11' } } });
    expect(after.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('names dates one way: the field `date`, the filter `date: { from, to }` and the order `DATE`', async () => {
    const data = await api.ask(
      `query ($filter: StatementFilter) {
        statements(filter: $filter, orderBy: { field: DATE, direction: DESC }, first: 100) {
          nodes { id date { iso } }
        }
      }`,
      { filter: { date: { from: '2022-01-10', to: '2022-01-10' } } },
    );
    const nodes = data.statements.nodes as { id: string; date: { iso: string } }[];
    expect(nodes.map((node) => node.id)).toEqual([...pressConferenceStatements].reverse());
    expect(nodes.every((node) => node.date.iso.startsWith('2022-01-10'))).toBe(true);
    // The old names are deprecated aliases of the same filter.
    const old = await api.ask(statements, { filter: { from: '2022-01-10', to: '2022-01-10' } });
    expect(ids(old.statements)).toEqual(pressConferenceStatements);
    const both = await api.query(statements, { filter: { date: { from: '2022-01-10' }, to: '2022-01-10' } });
    expect(both.errors?.[0]).toMatchObject({
      message: 'Argument "filter.date" cannot be given together with the deprecated filter.from/filter.to',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('combines filters: all must hold', async () => {
    const data = await api.ask(statements, {
      filter: { speaker: 'person:sergei-ryabkov', topic: 'topic:security-guarantees', kind: 'PARAPHRASE' },
    });
    expect(ids(data.statements)).toEqual(['statement:ryabkov-russia-wants-strong-guarantees']);
  });

  it('refuses a date bound that is not a date, naming the argument', async () => {
    const response = await api.query(statements, { filter: { date: { from: '10/01/2022' } } });
    expect(response.errors?.[0]).toMatchObject({
      message: 'Argument "filter.date.from" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "10/01/2022"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
