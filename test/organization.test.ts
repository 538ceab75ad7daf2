/**
 * Organizations over the Geneva article: Russia as a state with the names the article gives it, its
 * ministry and the ministry's deputy minister, what is attributed to states, the outlet that
 * published the article; and the `organizations` list's filters and order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneva, ids, startGenevaApi, type TestApi } from './helpers.js';

const { article } = geneva;
const russia = 'organization:russia';
const unitedStates = 'organization:united-states';
const ukraine = 'organization:ukraine';
const russianMinistry = 'organization:russian-ministry-of-foreign-affairs';
const stateDepartment = 'organization:us-department-of-state';
const islamTimes = 'organization:islam-times';

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

describe('organization(id)', () => {
  it('gives Russia its kind, description, every alias with its language, and its source', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        organization(id: $id) {
          id name kind description
          aliases { name language }
          sources { totalCount nodes { id } }
        }
      }`,
      { id: russia },
    );
    expect(data.organization).toEqual({
      id: russia,
      name: 'Russia',
      kind: 'STATE',
      description: 'The Russian state, a party to the security talks with the United States.',
      aliases: [
        { name: 'Rusia', language: 'id' },
        { name: 'Moskow', language: 'id' },
        { name: 'Moscow', language: 'en' },
      ],
      sources: { totalCount: 1, nodes: [{ id: article }] },
    });
  });

  it('puts the foreign ministry under Russia, and nothing above Russia', async () => {
    const data = await api.ask(
      `query ($russia: ID!, $ministry: ID!) {
        russia: organization(id: $russia) {
          parent { id }
          children { totalCount nodes { id name kind } }
        }
        ministry: organization(id: $ministry) {
          parent { id name kind }
          children { totalCount nodes { id } }
        }
      }`,
      { russia, ministry: russianMinistry },
    );
    expect(data).toEqual({
      russia: {
        parent: null,
        children: {
          totalCount: 1,
          nodes: [{ id: russianMinistry, name: 'Russian Ministry of Foreign Affairs', kind: 'MINISTRY' }],
        },
      },
      ministry: {
        parent: { id: russia, name: 'Russia', kind: 'STATE' },
        children: { totalCount: 0, nodes: [] },
      },
    });
  });

  it('lists Ryabkov among the ministry’s members with his title, and no members of the state itself', async () => {
    const data = await api.ask(
      `query ($russia: ID!, $ministry: ID!) {
        russia: organization(id: $russia) { members { totalCount } }
        ministry: organization(id: $ministry) {
          members {
            totalCount
            edges { title titleAsReported startDate { iso } endDate { iso } node { id name } sources { nodes { id } } }
          }
        }
      }`,
      { russia, ministry: russianMinistry },
    );
    expect(data.russia.members.totalCount).toBe(0);
    expect(data.ministry.members).toEqual({
      totalCount: 1,
      edges: [
        {
          title: 'Deputy Foreign Minister',
          titleAsReported: 'Wakil Menteri Luar Negeri Rusia',
          startDate: null,
          endDate: null,
          node: { id: 'person:sergei-ryabkov', name: 'Sergei Ryabkov' },
          sources: { nodes: [{ id: article }] },
        },
      ],
    });
  });

  it('attributes no statement to Russia: the article narrates what Moscow seeks, nobody states it', async () => {
    const data = await api.ask(
      `query ($id: ID!) { organization(id: $id) { statements { totalCount nodes { id } } } }`,
      { id: russia },
    );
    expect(data.organization.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it('has Russia take part in the month-long dialogue as a party', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        organization(id: $id) { meetings { totalCount edges { role node { id kind } } } }
      }`,
      { id: russia },
    );
    expect(data.organization.meetings).toEqual({
      totalCount: 1,
      edges: [{ role: 'party', node: { id: 'meeting:us-russia-security-talks-2022-01', kind: 'DIALOGUE' } }],
    });
  });

  it('knows that no state was addressed by name, and where Russia is mentioned, in date order', async () => {
    const data = await api.ask(
      `query ($us: ID!, $russia: ID!) {
        us: organization(id: $us) { addressedIn { totalCount nodes { id } } }
        russia: organization(id: $russia) { addressedIn { totalCount } mentionedIn { totalCount nodes { id } } }
      }`,
      { us: unitedStates, russia },
    );
    // "kepada rekan-rekan kami" ("to our colleagues") names no addressee.
    expect(data.us.addressedIn).toEqual({ totalCount: 0, nodes: [] });
    expect(data.russia.addressedIn.totalCount).toBe(0);
    expect(data.russia.mentionedIn.totalCount).toBe(12);
    expect(ids(data.russia.mentionedIn)).toEqual([
      // Undated first (by id), then by date; on the same date in the order of the article.
      'statement:sherman-no-russian-guarantees-on-troop-withdrawal',
      'statement:sherman-some-russian-demands-non-starters',
      'statement:sherman-us-ready-to-meet-again',
      'statement:ryabkov-us-says-no-one-can-rule-on-ukraine-nato-membership',
      'statement:ryabkov-ukraine-must-never-join-nato',
      'statement:ryabkov-russia-wants-strong-guarantees',
      'statement:ryabkov-assured-sherman-invasion-fears-unfounded',
      'statement:ryabkov-no-plans-to-attack-ukraine',
      'statement:ryabkov-us-taking-russian-proposals-seriously',
      'statement:ryabkov-moscow-for-continuing-dialogue',
      'statement:ryabkov-military-technical-response-if-talks-fail',
      'statement:ryabkov-moscow-focused-on-diplomacy',
    ]);
  });

  it('has Islam Times, a news outlet, publish the article, and nothing published by Russia', async () => {
    const data = await api.ask(
      `query ($outlet: ID!, $russia: ID!) {
        outlet: organization(id: $outlet) {
          name kind aliases { name language }
          published { totalCount nodes { id sourceFile publisher { id } } }
        }
        russia: organization(id: $russia) { published { totalCount nodes { id } } }
      }`,
      { outlet: islamTimes, russia },
    );
    expect(data).toEqual({
      outlet: {
        name: 'Islam Times',
        kind: 'NEWS_OUTLET',
        aliases: [{ name: 'IslamTimes', language: 'id' }],
        published: {
          totalCount: 1,
          nodes: [{ id: article, sourceFile: '000_2129ad4d3e752772.txt', publisher: { id: islamTimes } }],
        },
      },
      russia: { published: { totalCount: 0, nodes: [] } },
    });
  });

  it('answers null for the id of a person, and for an unknown id', async () => {
    const data = await api.ask(`{
      person: organization(id: "person:sergei-ryabkov") { id }
      unknown: organization(id: "organization:atlantis") { id }
    }`);
    expect(data).toEqual({ person: null, unknown: null });
  });
});

describe('organizations', () => {
  const organizations = `query ($filter: OrganizationFilter, $orderBy: OrganizationOrder) {
    organizations(filter: $filter, orderBy: $orderBy) { totalCount nodes { id } }
  }`;

  it('lists all eleven organizations of the article, three of them groups it leaves unnamed', async () => {
    const data = await api.ask(organizations);
    expect(data.organizations.totalCount).toBe(11);
    expect([...ids(data.organizations)].sort()).toEqual([
      islamTimes,
      'organization:nato',
      'organization:other-us-officials-at-geneva-talks',
      'organization:reporters-at-ryabkov-geneva-press-conference',
      russia,
      russianMinistry,
      'organization:russian-news-agencies',
      'organization:the-west',
      ukraine,
      unitedStates,
      stateDepartment,
    ]);
    const unnamed = await api.ask(
      `{ organizations(filter: { unnamed: true }) { totalCount nodes { id kind unnamed } } }`,
    );
    expect(unnamed.organizations).toEqual({
      totalCount: 3,
      nodes: [
        { id: 'organization:other-us-officials-at-geneva-talks', kind: 'GROUP', unnamed: true },
        { id: 'organization:reporters-at-ryabkov-geneva-press-conference', kind: 'GROUP', unnamed: true },
        { id: 'organization:russian-news-agencies', kind: 'GROUP', unnamed: true },
      ],
    });
    const named = await api.ask(`{ organizations(filter: { unnamed: false }) { totalCount } }`);
    expect(named.organizations.totalCount).toBe(8);
  });

  it('filters by kind, listing by name', async () => {
    const states = await api.ask(organizations, { filter: { kind: 'STATE' } });
    expect(states.organizations).toEqual({
      totalCount: 3,
      nodes: [{ id: russia }, { id: ukraine }, { id: unitedStates }],
    });
    const ministries = await api.ask(organizations, { filter: { kind: 'MINISTRY' } });
    expect(ids(ministries.organizations)).toEqual([russianMinistry, stateDepartment]);
    const agencies = await api.ask(organizations, { filter: { kind: 'NEWS_AGENCY' } });
    expect(agencies.organizations).toEqual({ totalCount: 0, nodes: [] });
  });

  it('orders by name descending', async () => {
    const data = await api.ask(organizations, {
      filter: { kind: 'STATE' },
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(ids(data.organizations)).toEqual([unitedStates, ukraine, russia]);
  });

  it('finds an organization by an alias, case-insensitively', async () => {
    const moskow = await api.ask(organizations, { filter: { nameContains: 'moskow' } });
    expect(ids(moskow.organizations)).toEqual([russia]);
    const washington = await api.ask(organizations, { filter: { nameContains: 'WASHINGTON' } });
    expect(ids(washington.organizations)).toEqual([unitedStates]);
    const kyiv = await api.ask(organizations, { filter: { nameContains: 'kyiv' } });
    expect(ids(kyiv.organizations)).toEqual([ukraine]);
  });

  it('finds organizations by part of their name', async () => {
    const data = await api.ask(organizations, { filter: { nameContains: 'ministry' } });
    expect(ids(data.organizations)).toEqual([russianMinistry]);
  });

  it('filters by parent: only the organizations directly part of it', async () => {
    const us = await api.ask(organizations, { filter: { parent: unitedStates } });
    expect(ids(us.organizations)).toEqual([stateDepartment]);
    const ministry = await api.ask(organizations, { filter: { parent: russianMinistry } });
    expect(ministry.organizations).toEqual({ totalCount: 0, nodes: [] });
  });

  it('combines filters: all must hold', async () => {
    const data = await api.ask(organizations, { filter: { nameContains: 'rus', kind: 'MINISTRY' } });
    expect(ids(data.organizations)).toEqual([russianMinistry]);
    const none = await api.ask(organizations, { filter: { parent: russia, kind: 'STATE' } });
    expect(none.organizations).toEqual({ totalCount: 0, nodes: [] });
  });
});
