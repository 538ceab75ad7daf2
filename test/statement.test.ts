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
  it('gives a direct quote with speaker, occasion, audience, addressee, mentions, topics and position', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        statement(id: $id) {
          id text language summary kind
          date { iso precision }
          audience
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
        'Ryabkov said Russia had told its US counterparts it has no plan or intention to attack Ukraine and that there is no reason to fear an escalation.',
      kind: 'DIRECT_QUOTE',
      date: { iso: '2022-01-10', precision: 'DAY' },
      audience: ['reporters'],
      speaker: { __typename: 'Person', name: 'Sergei Ryabkov' },
      occasion: { id: pressConference, kind: 'PRESS_CONFERENCE', place: { name: 'Geneva' } },
      addressedTo: {
        totalCount: 1,
        nodes: [{ __typename: 'Organization', id: 'organization:united-states', name: 'United States' }],
      },
      mentions: {
        totalCount: 3,
        nodes: [
          {
            __typename: 'Topic',
            id: 'topic:fears-of-russian-invasion-of-ukraine',
            name: 'Fears of a Russian invasion of Ukraine',
          },
          { __typename: 'Organization', id: 'organization:ukraine', name: 'Ukraine' },
          { __typename: 'Organization', id: 'organization:united-states', name: 'United States' },
        ],
      },
      topics: { nodes: [{ id: 'topic:fears-of-russian-invasion-of-ukraine' }] },
      reportedIn: { article: { id: article }, paragraph: 2, offset: 1961 },
      sources: { totalCount: 1, nodes: [{ id: article }] },
    });
  });

  it('names a person addressed and mentions of every kind: person, organization, meeting, topic', async () => {
    const data = await api.ask(
      `query ($sherman: ID!, $difficult: ID!) {
        sherman: statement(id: $sherman) {
          addressedTo { nodes { __typename ... on Person { id name } } }
          mentions { nodes { __typename ... on Person { id } ... on Organization { id } ... on Topic { id } } }
        }
        difficult: statement(id: $difficult) {
          kind audience date { iso } occasion { id } topics { totalCount }
          mentions { nodes { __typename ... on Person { id } ... on Meeting { id kind } } }
          reportedIn { paragraph offset }
        }
      }`,
      {
        sherman: 'statement:ryabkov-assured-sherman-invasion-fears-unfounded',
        difficult: 'statement:ryabkov-first-meeting-difficult',
      },
    );
    expect(data.sherman.addressedTo.nodes).toEqual([
      { __typename: 'Person', id: 'person:wendy-sherman', name: 'Wendy Sherman' },
    ]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...data.sherman.mentions.nodes].sort(byId)).toEqual([
      { __typename: 'Organization', id: 'organization:russia' },
      { __typename: 'Organization', id: 'organization:ukraine' },
      { __typename: 'Person', id: 'person:wendy-sherman' },
      { __typename: 'Topic', id: 'topic:fears-of-russian-invasion-of-ukraine' },
    ]);
    // Said to Russian news agencies, undated, at no known occasion, about no topic.
    expect(data.difficult).toEqual({
      kind: 'DIRECT_QUOTE',
      audience: ['Russian news agencies'],
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

  it('gives a position attributed to a state an Organization as speaker, no date, occasion or audience', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        statement(id: $id) {
          kind language date { iso } audience occasion { id }
          speaker { __typename id name ... on Organization { kind } }
          addressedTo { totalCount }
          topics { nodes { id } }
          reportedIn { article { id } paragraph offset }
        }
      }`,
      { id: 'statement:us-no-one-can-rule-on-ukraine-nato-membership' },
    );
    expect(data.statement).toEqual({
      kind: 'REPORTED_POSITION',
      language: 'id',
      date: null,
      audience: [],
      occasion: null,
      speaker: { __typename: 'Organization', id: 'organization:united-states', name: 'United States', kind: 'STATE' },
      addressedTo: { totalCount: 0 },
      topics: { nodes: [{ id: 'topic:ukraine-nato-membership' }] },
      reportedIn: { article: { id: article }, paragraph: 2, offset: 583 },
    });
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

  it('lists all seventeen, the undated first, then by date', async () => {
    const data = await api.ask(statements, { filter: {} });
    expect(data.statements.totalCount).toBe(17);
    expect(ids(data.statements)).toEqual([
      'statement:russia-seeks-new-security-arrangements-with-the-west',
      'statement:ryabkov-first-meeting-difficult',
      'statement:sherman-no-russian-guarantees-on-troop-withdrawal',
      'statement:sherman-some-russian-demands-non-starters',
      'statement:sherman-us-ready-to-meet-again',
      'statement:us-no-one-can-rule-on-ukraine-nato-membership',
      ...pressConferenceStatements,
    ]);
  });

  it('orders by date descending', async () => {
    const data = await api.ask(statements, { filter: { kind: 'REPORTED_POSITION' } });
    expect(ids(data.statements)).toEqual([
      'statement:russia-seeks-new-security-arrangements-with-the-west',
      'statement:us-no-one-can-rule-on-ukraine-nato-membership',
    ]);
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
    const russia = await api.ask(statements, { filter: { speaker: 'organization:russia' } });
    expect(ids(russia.statements)).toEqual(['statement:russia-seeks-new-security-arrangements-with-the-west']);
  });

  it('filters by what a statement mentions', async () => {
    const sherman = await api.ask(statements, { filter: { mentions: 'person:wendy-sherman' } });
    expect(ids(sherman.statements)).toEqual([
      'statement:ryabkov-first-meeting-difficult',
      'statement:ryabkov-assured-sherman-invasion-fears-unfounded',
    ]);
    const dialogue = await api.ask(statements, { filter: { mentions: 'meeting:us-russia-security-talks-2022-01' } });
    expect(ids(dialogue.statements)).toEqual([
      'statement:ryabkov-military-technical-response-if-talks-fail',
      'statement:ryabkov-moscow-for-continuing-dialogue',
    ]);
    const geneva = await api.ask(statements, { filter: { mentions: 'place:geneva' } });
    expect(geneva.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by topic', async () => {
    const dialogue = await api.ask(statements, { filter: { topic: 'topic:continuing-the-dialogue' } });
    expect(ids(dialogue.statements)).toEqual([
      'statement:sherman-us-ready-to-meet-again',
      'statement:ryabkov-moscow-focused-on-diplomacy',
      'statement:ryabkov-moscow-for-continuing-dialogue',
    ]);
    const troops = await api.ask(statements, { filter: { topic: 'topic:russian-troops-near-ukraine' } });
    expect(ids(troops.statements)).toEqual(['statement:sherman-no-russian-guarantees-on-troop-withdrawal']);
  });

  it('filters by occasion', async () => {
    const press = await api.ask(statements, { filter: { occasion: pressConference } });
    expect(press.statements.totalCount).toBe(11);
    expect(ids(press.statements)).toEqual(pressConferenceStatements);
    const talks = await api.ask(statements, { filter: { occasion: 'meeting:us-russia-talks-geneva-2022-01-10' } });
    expect(talks.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by kind', async () => {
    const positions = await api.ask(statements, { filter: { kind: 'REPORTED_POSITION' } });
    expect(positions.statements.totalCount).toBe(2);
    const quotes = await api.ask(statements, { filter: { kind: 'DIRECT_QUOTE', speaker: 'person:wendy-sherman' } });
    expect(ids(quotes.statements)).toEqual(['statement:sherman-some-russian-demands-non-starters']);
  });

  it('filters by language', async () => {
    const indonesian = await api.ask(statements, { filter: { language: 'id' } });
    expect(indonesian.statements.totalCount).toBe(17);
    const english = await api.ask(statements, { filter: { language: 'en' } });
    expect(english.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('finds text in the English summary, case-insensitively', async () => {
    const data = await api.ask(statements, { filter: { textContains: 'BULLETPROOF' } });
    expect(ids(data.statements)).toEqual(['statement:ryabkov-guarantees-must-be-legally-binding']);
    const guarantees = await api.ask(statements, { filter: { textContains: 'guarantees' } });
    expect(ids(guarantees.statements)).toEqual([
      'statement:sherman-no-russian-guarantees-on-troop-withdrawal',
      'statement:ryabkov-guarantees-must-be-legally-binding',
      'statement:ryabkov-russia-wants-strong-guarantees',
    ]);
  });

  it('finds text in the reported words, in the source language', async () => {
    const data = await api.ask(statements, { filter: { textContains: 'eskalasi' } });
    expect(ids(data.statements)).toEqual(['statement:ryabkov-no-plans-to-attack-ukraine']);
    const none = await api.ask(statements, { filter: { textContains: 'sanctions' } });
    expect(none.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by date, leaving out undated statements', async () => {
    const from = await api.ask(statements, { filter: { from: '2022-01-10' } });
    expect(ids(from.statements)).toEqual(pressConferenceStatements);
    const to = await api.ask(statements, { filter: { to: '2022-01-10', speaker: 'person:sergei-ryabkov' } });
    expect(ids(to.statements)).toEqual(pressConferenceStatements);
    const month = await api.ask(statements, { filter: { from: '2022-01', to: '2022-01' } });
    expect(month.statements.totalCount).toBe(11);
    const before = await api.ask(statements, { filter: { to: '2022-01-09' } });
    expect(before.statements).toEqual({ totalCount: 0, nodes: [] });
    const after = await api.ask(statements, { filter: { from: '2022-01-11' } });
    expect(after.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('combines filters: all must hold', async () => {
    const data = await api.ask(statements, {
      filter: { speaker: 'person:sergei-ryabkov', topic: 'topic:security-guarantees', kind: 'PARAPHRASE' },
    });
    expect(ids(data.statements)).toEqual(['statement:ryabkov-russia-wants-strong-guarantees']);
  });

  it('refuses a date bound that is not a date, naming the argument', async () => {
    const response = await api.query(statements, { filter: { from: '10/01/2022' } });
    expect(response.errors?.[0]).toMatchObject({
      message: 'Argument "filter.from" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "10/01/2022"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
