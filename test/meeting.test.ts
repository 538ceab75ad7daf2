/**
 * Meetings over the Geneva article: the talks of 10 January 2022 (when, how long, where, who, about
 * what), the month-long dialogue they belong to and its parts, the statements made at the press
 * conference; and the `meetings` list's filters (dates, places within places, people, topics) and orders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneva, ids, pressConferenceStatements, startGenevaApi, type TestApi } from './helpers.js';

const { article, dialogue, informal, pressConference, talks } = geneva;

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

describe('meeting(id)', () => {
  it('gives the Geneva talks their kind, day, duration of more than seven hours, place and source', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        meeting(id: $id) {
          id name kind
          date { iso precision earliest latest }
          endDate { iso }
          duration durationQualifier
          place { id name locatedIn { name } }
          sources { totalCount nodes { id } }
        }
      }`,
      { id: talks },
    );
    expect(data.meeting).toEqual({
      id: talks,
      name: 'US–Russia talks in Geneva, 10 January 2022',
      kind: 'TALKS',
      date: { iso: '2022-01-10', precision: 'DAY', earliest: '2022-01-10', latest: '2022-01-10' },
      endDate: null,
      duration: 'PT7H',
      durationQualifier: 'MORE_THAN',
      place: { id: 'place:geneva', name: 'Geneva', locatedIn: { name: 'Switzerland' } },
      sources: { totalCount: 1, nodes: [{ id: article }] },
    });
  });

  it('puts the talks in the dialogue of January 2022, known only to the month', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        meeting(id: $id) {
          partOf {
            id name kind
            date { iso precision earliest latest }
            duration durationQualifier place { id } partOf { id }
          }
        }
      }`,
      { id: talks },
    );
    expect(data.meeting.partOf).toEqual({
      id: dialogue,
      name: 'US–Russia security talks, January 2022',
      kind: 'DIALOGUE',
      date: { iso: '2022-01', precision: 'MONTH', earliest: '2022-01-01', latest: '2022-01-31' },
      duration: null,
      durationQualifier: null,
      place: null,
      partOf: null,
    });
  });

  it('lists both negotiators of the talks with their roles, and the other US officials as an unnamed group', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        meeting(id: $id) {
          participants {
            totalCount
            edges {
              role
              sources { nodes { id } }
              node {
                __typename
                id
                name
                ... on Person { positions { edges { title } } }
                ... on Organization { kind unnamed }
              }
            }
          }
        }
      }`,
      { id: talks },
    );
    // "negosiasi dengan Sherman dan pejabat AS lainnya": the other officials attended, unnamed.
    expect(data.meeting.participants).toEqual({
      totalCount: 3,
      edges: [
        {
          role: 'US negotiators',
          sources: { nodes: [{ id: article }] },
          node: {
            __typename: 'Organization',
            id: 'organization:other-us-officials-at-geneva-talks',
            name: 'Other US officials at the Geneva talks (unnamed)',
            kind: 'GROUP',
            unnamed: true,
          },
        },
        {
          role: 'Russian negotiator',
          sources: { nodes: [{ id: article }] },
          node: {
            __typename: 'Person',
            id: 'person:sergei-ryabkov',
            name: 'Sergei Ryabkov',
            positions: { edges: [{ title: 'Deputy Foreign Minister' }] },
          },
        },
        {
          role: 'US negotiator',
          sources: { nodes: [{ id: article }] },
          node: {
            __typename: 'Person',
            id: 'person:wendy-sherman',
            name: 'Wendy Sherman',
            positions: { edges: [{ title: 'Deputy Secretary of State' }] },
          },
        },
      ],
    });
  });

  it('lists the topics of the talks by name', async () => {
    const data = await api.ask(`query ($id: ID!) { meeting(id: $id) { topics { totalCount nodes { id name } } } }`, {
      id: talks,
    });
    expect(data.meeting.topics).toEqual({
      totalCount: 5,
      nodes: [
        { id: 'topic:fears-of-russian-invasion-of-ukraine', name: 'Fears of a Russian invasion of Ukraine' },
        { id: 'topic:nato-eastward-expansion', name: "NATO's eastward expansion" },
        {
          id: 'topic:russia-west-security-arrangements',
          name: 'Security arrangements between Russia and the West',
        },
        { id: 'topic:security-guarantees', name: 'Security guarantees' },
        { id: 'topic:ukraine-nato-membership', name: "Ukraine's membership of NATO" },
      ],
    });
  });

  it('has nothing said at the talks themselves, but a statement mentions them', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        meeting(id: $id) { statements { totalCount nodes { id } } mentionedIn { totalCount nodes { id } } }
      }`,
      { id: talks },
    );
    expect(data.meeting).toEqual({
      statements: { totalCount: 0, nodes: [] },
      mentionedIn: {
        totalCount: 1,
        nodes: [{ id: 'statement:ryabkov-no-progress-on-ukraine-nato-membership' }],
      },
    });
  });

  it('lists the twelve statements Ryabkov made at his press conference, to reporters, after the talks', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        meeting(id: $id) {
          kind
          participants { edges { role node { id } } }
          follows { nodes { id followedBy { nodes { id } } } }
          statements { totalCount nodes { id audience { nodes { id } } speaker { id } occasion { id } } }
        }
      }`,
      { id: pressConference },
    );
    expect(data.meeting.kind).toBe('PRESS_CONFERENCE');
    expect(data.meeting.participants.edges).toEqual([
      { role: 'audience', node: { id: 'organization:reporters-at-ryabkov-geneva-press-conference' } },
      { role: 'speaker', node: { id: 'person:sergei-ryabkov' } },
    ]);
    // It followed the talks ("setelah lebih dari tujuh jam negosiasi"), and the talks know it.
    expect(data.meeting.follows.nodes).toEqual([{ id: talks, followedBy: { nodes: [{ id: pressConference }] } }]);
    const { statements } = data.meeting;
    expect(statements.totalCount).toBe(12);
    expect(ids(statements)).toEqual(pressConferenceStatements);
    for (const statement of statements.nodes) {
      expect(statement).toMatchObject({
        audience: { nodes: [{ id: 'organization:reporters-at-ryabkov-geneva-press-conference' }] },
        speaker: { id: 'person:sergei-ryabkov' },
        occasion: { id: pressConference },
      });
    }
  });

  it('gives the dialogue its parts in date order, and the two states as its parties', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        meeting(id: $id) {
          parts { totalCount nodes { id date { iso } partOf { id } } }
          participants { edges { role node { __typename ... on Organization { id kind } } } }
        }
      }`,
      { id: dialogue },
    );
    expect(data.meeting).toEqual({
      parts: {
        totalCount: 3,
        nodes: [
          { id: informal, date: { iso: '2022-01-09' }, partOf: { id: dialogue } },
          { id: talks, date: { iso: '2022-01-10' }, partOf: { id: dialogue } },
          { id: pressConference, date: { iso: '2022-01-10' }, partOf: { id: dialogue } },
        ],
      },
      participants: {
        edges: [
          { role: 'party', node: { __typename: 'Organization', id: 'organization:russia', kind: 'STATE' } },
          { role: 'party', node: { __typename: 'Organization', id: 'organization:united-states', kind: 'STATE' } },
        ],
      },
    });
  });

  it('invents no place for the informal meeting the article does not place', async () => {
    const data = await api.ask(`query ($id: ID!) { meeting(id: $id) { kind date { iso } place { id } } }`, {
      id: informal,
    });
    expect(data.meeting).toEqual({ kind: 'INFORMAL_MEETING', date: { iso: '2022-01-09' }, place: null });
  });

  it('answers null for the id of a place, and for an unknown id', async () => {
    const data = await api.ask(`{
      place: meeting(id: "place:geneva") { id }
      unknown: meeting(id: "meeting:never-held") { id }
    }`);
    expect(data).toEqual({ place: null, unknown: null });
  });
});

describe('meetings', () => {
  const meetings = `query ($filter: MeetingFilter, $orderBy: MeetingOrder) {
    meetings(filter: $filter, orderBy: $orderBy) { totalCount nodes { id } }
  }`;

  it('lists all four meetings by date, the month-precise dialogue before the days of that month', async () => {
    const data = await api.ask(meetings);
    expect(data.meetings).toEqual({
      totalCount: 4,
      nodes: [{ id: dialogue }, { id: informal }, { id: talks }, { id: pressConference }],
    });
  });

  it('orders by date descending', async () => {
    const data = await api.ask(meetings, { orderBy: { field: 'DATE', direction: 'DESC' } });
    expect(ids(data.meetings)).toEqual([pressConference, talks, informal, dialogue]);
  });

  it('orders by name', async () => {
    const data = await api.ask(meetings, { orderBy: { field: 'NAME' } });
    expect(ids(data.meetings)).toEqual([pressConference, informal, dialogue, talks]);
    const descending = await api.ask(meetings, { orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(ids(descending.meetings)).toEqual([talks, dialogue, informal, pressConference]);
  });

  it('filters by kind', async () => {
    const data = await api.ask(meetings, { filter: { kind: 'TALKS' } });
    expect(ids(data.meetings)).toEqual([talks]);
    const summits = await api.ask(meetings, { filter: { kind: 'SUMMIT' } });
    expect(summits.meetings).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by name, case-insensitively', async () => {
    const data = await api.ask(meetings, { filter: { nameContains: 'PRESS CONFERENCE' } });
    expect(ids(data.meetings)).toEqual([pressConference]);
  });

  it('to "2022-01-09" includes the 9th and excludes the 10th (the January dialogue had begun by then)', async () => {
    const data = await api.ask(meetings, { filter: { date: { to: '2022-01-09' } } });
    expect(ids(data.meetings)).toEqual([dialogue, informal]);
  });

  it('to "2022-01-08" excludes the 9th', async () => {
    const data = await api.ask(meetings, { filter: { date: { to: '2022-01-08' }, kind: 'INFORMAL_MEETING' } });
    expect(data.meetings).toEqual({ totalCount: 0, nodes: [] });
  });

  it('from "2022-01-10" includes the 10th and excludes the 9th', async () => {
    const data = await api.ask(meetings, { filter: { date: { from: '2022-01-10' }, kind: 'TALKS' } });
    expect(ids(data.meetings)).toEqual([talks]);
    const days = await api.ask(meetings, { filter: { date: { from: '2022-01-10' }, place: 'place:geneva' } });
    expect(ids(days.meetings)).toEqual([talks, pressConference]);
    const ninth = await api.ask(meetings, { filter: { date: { from: '2022-01-10' }, kind: 'INFORMAL_MEETING' } });
    expect(ninth.meetings).toEqual({ totalCount: 0, nodes: [] });
  });

  it('from and to the same day give the meetings of that day', async () => {
    const data = await api.ask(meetings, {
      filter: { date: { from: '2022-01-09', to: '2022-01-09' }, kind: 'INFORMAL_MEETING' },
    });
    expect(ids(data.meetings)).toEqual([informal]);
  });

  it('from "2022-01-01" includes the dialogue of January 2022, which cannot have been before the 1st', async () => {
    const data = await api.ask(meetings, { filter: { date: { from: '2022-01-01' } } });
    expect(ids(data.meetings)).toEqual([dialogue, informal, talks, pressConference]);
  });

  it('a month as a bound means the whole month', async () => {
    const january = await api.ask(meetings, { filter: { date: { from: '2022-01', to: '2022-01' } } });
    expect(ids(january.meetings)).toEqual([dialogue, informal, talks, pressConference]);
    const december = await api.ask(meetings, { filter: { date: { to: '2021-12' } } });
    expect(december.meetings).toEqual({ totalCount: 0, nodes: [] });
    const february = await api.ask(meetings, { filter: { date: { from: '2022-02' } } });
    expect(february.meetings).toEqual({ totalCount: 0, nodes: [] });
  });

  it('refuses a date bound that is not a date, naming the argument', async () => {
    const response = await api.query(meetings, { filter: { date: { to: '2022-13-01' } } });
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Argument "filter.date.to" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "2022-13-01"',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('filters by place, including the places within it', async () => {
    const inGeneva = await api.ask(meetings, { filter: { place: 'place:geneva' } });
    expect(ids(inGeneva.meetings)).toEqual([talks, pressConference]);
    const inSwitzerland = await api.ask(meetings, { filter: { place: 'place:switzerland' } });
    expect(ids(inSwitzerland.meetings)).toEqual([talks, pressConference]);
  });

  it('filters by participant, person or organization', async () => {
    const sherman = await api.ask(meetings, { filter: { participant: 'person:wendy-sherman' } });
    expect(ids(sherman.meetings)).toEqual([informal, talks]);
    const russia = await api.ask(meetings, { filter: { participant: 'organization:russia' } });
    expect(ids(russia.meetings)).toEqual([dialogue]);
  });

  it('filters by topic', async () => {
    const military = await api.ask(meetings, { filter: { topic: 'topic:military-technical-response' } });
    expect(ids(military.meetings)).toEqual([pressConference]);
    const membership = await api.ask(meetings, { filter: { topic: 'topic:ukraine-nato-membership' } });
    expect(ids(membership.meetings)).toEqual([dialogue, talks, pressConference]);
    const troops = await api.ask(meetings, { filter: { topic: 'topic:russian-troops-near-ukraine' } });
    expect(troops.meetings).toEqual({ totalCount: 0, nodes: [] });
  });

  it('combines filters: all must hold', async () => {
    const data = await api.ask(meetings, {
      filter: { participant: 'person:wendy-sherman', place: 'place:switzerland' },
      orderBy: { field: 'DATE', direction: 'DESC' },
    });
    expect(ids(data.meetings)).toEqual([talks]);
  });
});
