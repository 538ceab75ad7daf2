/**
 * Places over the Geneva article: Geneva lies in Switzerland, Switzerland contains Geneva, the
 * meetings held in Geneva; and the `places` list's filters and order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneva, ids, startGenevaApi, type TestApi } from './helpers.js';

const { article } = geneva;
const genevaId = 'place:geneva';
const switzerland = 'place:switzerland';

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

describe('place(id)', () => {
  it('gives Geneva its kind, its Indonesian name, its source, and the country it lies in', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        place(id: $id) {
          id name kind
          aliases { name language }
          sources { totalCount nodes { id } }
          locatedIn { id name kind locatedIn { id } }
        }
      }`,
      { id: genevaId },
    );
    expect(data.place).toEqual({
      id: genevaId,
      name: 'Geneva',
      kind: 'CITY',
      aliases: [{ name: 'Jenewa', language: 'id' }],
      sources: { totalCount: 1, nodes: [{ id: article }] },
      locatedIn: { id: switzerland, name: 'Switzerland', kind: 'COUNTRY', locatedIn: null },
    });
  });

  it('has Switzerland contain Geneva, and Geneva contain nothing', async () => {
    const data = await api.ask(
      `query ($switzerland: ID!, $geneva: ID!) {
        switzerland: place(id: $switzerland) { contains { totalCount nodes { id name } } }
        geneva: place(id: $geneva) { contains { totalCount nodes { id } } }
      }`,
      { switzerland, geneva: genevaId },
    );
    expect(data).toEqual({
      switzerland: { contains: { totalCount: 1, nodes: [{ id: genevaId, name: 'Geneva' }] } },
      geneva: { contains: { totalCount: 0, nodes: [] } },
    });
  });

  it('lists the meetings held in Geneva in date order, each pointing back to Geneva', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        place(id: $id) { meetings { totalCount nodes { id kind date { iso } place { id } } } }
      }`,
      { id: genevaId },
    );
    expect(data.place.meetings).toEqual({
      totalCount: 2,
      nodes: [
        {
          id: 'meeting:us-russia-talks-geneva-2022-01-10',
          kind: 'TALKS',
          date: { iso: '2022-01-10' },
          place: { id: genevaId },
        },
        // The same day: the press conference came after the talks, as the article says.
        {
          id: 'meeting:ryabkov-press-conference-geneva-2022-01-10',
          kind: 'PRESS_CONFERENCE',
          date: { iso: '2022-01-10' },
          place: { id: genevaId },
        },
      ],
    });
  });

  it('pages through Geneva’s meetings one at a time', async () => {
    const document = `query ($id: ID!, $after: String) {
      place(id: $id) { meetings(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }
    }`;
    const first = await api.ask(document, { id: genevaId });
    expect(first.place.meetings.nodes).toEqual([{ id: 'meeting:us-russia-talks-geneva-2022-01-10' }]);
    expect(first.place.meetings.pageInfo.hasNextPage).toBe(true);
    const second = await api.ask(document, { id: genevaId, after: first.place.meetings.pageInfo.endCursor });
    expect(second.place.meetings.nodes).toEqual([{ id: 'meeting:ryabkov-press-conference-geneva-2022-01-10' }]);
    expect(second.place.meetings.pageInfo.hasNextPage).toBe(false);
  });

  it('answers null for the id of a meeting, and for an unknown id', async () => {
    const data = await api.ask(`{
      meeting: place(id: "meeting:us-russia-talks-geneva-2022-01-10") { id }
      unknown: place(id: "place:atlantis") { id }
    }`);
    expect(data).toEqual({ meeting: null, unknown: null });
  });
});

describe('places', () => {
  const places = `query ($filter: PlaceFilter, $orderBy: PlaceOrder) {
    places(filter: $filter, orderBy: $orderBy) { totalCount nodes { id } }
  }`;

  it('lists both places by name', async () => {
    const data = await api.ask(places);
    expect(data.places).toEqual({ totalCount: 2, nodes: [{ id: genevaId }, { id: switzerland }] });
  });

  it('orders by name descending', async () => {
    const data = await api.ask(places, { orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(ids(data.places)).toEqual([switzerland, genevaId]);
  });

  it('filters by kind', async () => {
    const cities = await api.ask(places, { filter: { kind: 'CITY' } });
    expect(ids(cities.places)).toEqual([genevaId]);
    const countries = await api.ask(places, { filter: { kind: 'COUNTRY' } });
    expect(ids(countries.places)).toEqual([switzerland]);
    const venues = await api.ask(places, { filter: { kind: 'VENUE' } });
    expect(venues.places).toEqual({ totalCount: 0, nodes: [] });
  });

  it('finds a place by its name or an alias, case-insensitively', async () => {
    const byAlias = await api.ask(places, { filter: { nameContains: 'JENEWA' } });
    expect(ids(byAlias.places)).toEqual([genevaId]);
    const byOtherAlias = await api.ask(places, { filter: { nameContains: 'swiss' } });
    expect(ids(byOtherAlias.places)).toEqual([switzerland]);
    const byName = await api.ask(places, { filter: { nameContains: 'genev' } });
    expect(ids(byName.places)).toEqual([genevaId]);
  });

  it('filters by the place a place lies directly in', async () => {
    const inSwitzerland = await api.ask(places, { filter: { locatedIn: switzerland } });
    expect(ids(inSwitzerland.places)).toEqual([genevaId]);
    const inGeneva = await api.ask(places, { filter: { locatedIn: genevaId } });
    expect(inGeneva.places).toEqual({ totalCount: 0, nodes: [] });
  });

  it('combines filters: all must hold', async () => {
    const data = await api.ask(places, { filter: { locatedIn: switzerland, kind: 'CITY' } });
    expect(ids(data.places)).toEqual([genevaId]);
    const none = await api.ask(places, { filter: { locatedIn: switzerland, kind: 'COUNTRY' } });
    expect(none.places).toEqual({ totalCount: 0, nodes: [] });
  });
});
