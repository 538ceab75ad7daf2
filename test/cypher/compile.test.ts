/**
 * The Cypher the query compiler writes for representative selections, with its parameters, held in
 * snapshots: no database, so this layer runs in milliseconds (like the neo4j/graphql TCK). A change
 * to the generated Cypher shows up here as a diff to review; the integration tests say whether the
 * answers still hold.
 */
import {
  buildSchema,
  getNamedType,
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { byName, type ListQuery } from '../../src/query/list.js';
import { idsQuery, listQuery, lookupQuery } from '../../src/query/root.js';
import { searchQuery } from '../../src/search/cypher.js';
import { timelineSource } from '../../src/timeline/cypher.js';
import { shortestPathSelection, subgraphSelection } from '../../src/traversal/resolvers.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));

/** What a root resolver is given for the first field of `document`: enough for the compiler. */
function infoFor(document: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  return infoOf(parse(document), variableValues);
}

/** The same for a document parsed once, as Apollo hands one parsed document to every request sending it. */
function infoOf(parsed: DocumentNode, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  const returnType = schema.getQueryType()!.getFields()[field.name.value]!.type;
  return { schema, fragments, variableValues, fieldNodes: [field], returnType } as unknown as GraphQLResolveInfo;
}

describe('lookups', () => {
  it('project only what is selected', () => {
    const query = lookupQuery(infoFor('{ person(id: "x") { id name description } }'), 'person:a', 'Person');
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toEqual({ p0: 'person:a' });
  });

  it('fetch three nested levels in one query, each page ordered and limited before it is collected', () => {
    const query = lookupQuery(
      infoFor(`query ($id: ID!) {
        person(id: $id) {
          id name
          meetings(first: 10) { nodes { id name
            participants(first: 10) { nodes { __typename id name
              ... on Person { positions(first: 5) { nodes { id name } } } } } } }
        }
      }`),
      'person:a',
      'Person',
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchSnapshot();
  });

  it("project the properties of each label's display-name rule, under an interface with no fragment", () => {
    const query = lookupQuery(
      infoFor(`{ node(id: "x") { id displayName nodeType
        ... on Statement { mentions(first: 5) { nodes { id displayName nodeType } } } } }`),
      'statement:a',
      null,
    );
    // One query; a statement reads its summary and text, an article its headline, the others their name.
    // (Nodes come back as lists of values: see packedNodeProjection.) No labels: each id names its type.
    expect(query.cypher).toContain('[n.id, n.headline, n.sourceFile, n.name, n.summary, n.text, COLLECT {');
    expect(query.cypher).toMatch(/\[(n\d+)\.id, \1\.name\]/);
    expect(query.cypher).not.toContain('labels(');
    expect(query.cypher).toMatchSnapshot();
  });

  it('give the same text for the same shape, whatever the values', () => {
    const shape = (first: number) =>
      lookupQuery(
        infoFor(`{ person(id: "x") { statements(first: ${first}) { totalCount nodes { id } } } }`),
        'x',
        'Person',
      );
    expect(shape(3).cypher).toBe(shape(50).cypher);
    expect(shape(3).params).not.toEqual(shape(50).params);
  });

  it('fetch edges with their relationship, to-one fields, counts and a `via` field (reportedIn)', () => {
    const query = lookupQuery(
      infoFor(`{
        statement(id: "x") {
          text date { iso }
          speaker { __typename ... on Person { name aliases { name } } }
          reportedIn { article { headline publishedOn { iso } } paragraph }
          mentions(first: 3) { totalCount edges { cursor node { ... on Topic { name } } } }
        }
      }`),
      'statement:a',
      'Statement',
    );
    expect(query.cypher).toMatchSnapshot();
    // Of the relationship, only the property a selected field reads.
    expect(query.cypher).toMatch(/, r\d+ \{\.paragraph\}\]$/m);
    expect(query.cypher).not.toContain('properties(');
  });

  it('fetch one row more than a page holds only when hasNextPage or hasPreviousPage is asked', () => {
    const limits = (pageInfo: string) =>
      lookupQuery(
        infoFor(`{ person(id: "x") { meetings(first: 10) { ${pageInfo} nodes { id
          participants(last: 4) { ${pageInfo} nodes { id } } } } } }`),
        'person:a',
        'Person',
      ).params;
    expect(limits('')).toEqual({ p0: 'person:a', l0: 4, l1: 10 });
    expect(limits('pageInfo { endCursor }')).toEqual({ p0: 'person:a', l0: 4, l1: 10 });
    expect(limits('pageInfo { hasNextPage }')).toEqual({ p0: 'person:a', l0: 5, l1: 11 });
    expect(limits('pageInfo { hasPreviousPage }')).toEqual({ p0: 'person:a', l0: 5, l1: 11 });
  });

  it('fetch of an edge’s relationship only what its fields read: a property, the key for the id, provenance, or all', () => {
    const relOf = (edgeFields: string) =>
      lookupQuery(
        infoFor(`{ person(id: "x") { positions(first: 2) { edges { node { id } ${edgeFields} } } } }`),
        'person:a',
        'Person',
      ).cypher.match(/(r\d+ \{[^}]*\}|properties\(r\d+\))/)?.[1];
    expect(relOf('')).toBeUndefined();
    expect(relOf('cursor')).toBeUndefined();
    expect(relOf('startDate')).toMatch(/^r\d+ \{\.startDate\}$/);
    expect(relOf('id')).toMatch(/^r\d+ \{\.title\}$/);
    expect(relOf('sourceIds')).toMatch(/^r\d+ \{\.sources, \.title\}$/);
  });

  it('guard fields of one type under an interface by label (`node`)', () => {
    const query = lookupQuery(
      infoFor(`{ node(id: "x") { id ... on Meeting { name place { name } } ...P } }
        fragment P on Person { name positions(first: 2) { edges { title node { name } } } }`),
      'x',
      null,
    );
    expect(query.cypher).toMatchSnapshot();
  });

  it('leave fields it cannot express to the loaders (metWith, sources), fetching what they read', () => {
    const query = lookupQuery(
      infoFor('{ person(id: "x") { name metWith(first: 3) { nodes { name } } sources { nodes { id } } } }'),
      'x',
      'Person',
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.plan.relations).toEqual([]);
  });
});

describe('lists', () => {
  const people: ListQuery & { match: string } = {
    label: 'Person',
    anchor: null,
    where: [],
    params: {},
    sortKey: byName,
    direction: 'ASC',
    match: 'MATCH (n:Person)',
  };

  it('fetch a page, its items’ relations and its count in one query', () => {
    const query = listQuery(
      infoFor('{ people(first: 5) { totalCount nodes { name positions(first: 2) { nodes { name } } } } }'),
      people,
      { size: 5, backward: false, after: ['b', 'person:b'], before: null },
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchSnapshot();
  });

  it('fetch one row more than the page holds only when hasNextPage is asked', () => {
    const list = (pageInfo: string) =>
      listQuery(infoFor(`{ people(first: 3) { ${pageInfo} nodes { name } } }`), people, {
        size: 3,
        backward: false,
        after: null,
        before: null,
      }).params;
    expect(list('')).toEqual({ q0: 3 });
    expect(list('pageInfo { hasNextPage }')).toEqual({ q0: 4 });
  });

  it('fetch a page backward, between two cursors, with the probes of pageInfo', () => {
    const query = listQuery(infoFor('{ people(last: 3) { nodes { name } } }'), people, {
      size: 3,
      backward: true,
      after: ['a', 'person:a'],
      before: ['m', 'person:m'],
    });
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchSnapshot();
  });
});

describe('search, nodes and timeline', () => {
  const itemFields = `__typename id
    ... on Meeting { name participants(first: 3) { nodes { __typename id } } }
    ... on Statement { summary speaker { __typename id } }`;

  it('search: every hit over every index the model declares, each node once, a page with what its nodes select', () => {
    const query = searchQuery(
      infoFor(`{ search(text: "x", first: 5) { edges { score matchedField node { ${itemFields} } } } }`),
      { query: 'gagal', labels: null, window: { size: 5, backward: false, after: null, before: null } },
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchSnapshot();
    expect(query.params.q1).toContainEqual({ name: 'search_indonesian', languages: ['id'] });
    expect(query.plan.properties).toContain('language');
  });

  it('search: backward between two cursors, of some types, with the count and the probes from the same hits', () => {
    const query = searchQuery(
      infoFor('{ search(text: "x", last: 2) { totalCount pageInfo { hasNextPage } nodes { id } } }'),
      {
        query: 'ryabkov',
        labels: ['Organization', 'Person'],
        window: { size: 2, backward: true, after: [2.5, 'person:a'], before: [0.75, 'person:z'] },
      },
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchSnapshot();
    expect(query.count).toBe(true);
    // People and organizations hold no statement texts: only the whole-word and the English index are asked.
    // Both are asked by every search: their names alone, no test of the statements' languages.
    expect(query.params.q1).toEqual(['search', 'search_english']);
    expect(query.cypher).not.toContain('languages');
    // Nothing asks which field matched: neither the texts it is told from nor the indexes that found a hit.
    expect(query.cypher).toContain('collect([n.id, score])');
    expect(query.cypher).not.toContain('indexes');
  });

  it('nodes(ids): every node asked for, of any label, with its nested fields', () => {
    const query = idsQuery(infoFor(`{ nodes(ids: ["a", "b"]) { ${itemFields} } }`), ['meeting:a', 'statement:b']);
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toEqual({ p0: ['meeting:a', 'statement:b'], l0: 3, l1: 1 });
  });

  it('timeline: a page of dated items with their nested fields and the count; dates always fetched', () => {
    const query = listQuery(
      infoFor(`{ timeline(of: "x", first: 5) { totalCount edges { date { iso } node { ${itemFields} } } } }`),
      timelineSource('person:a', { from: '2022-01-01T00:00', to: null }),
      { size: 5, backward: false, after: null, before: null },
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchSnapshot();
    expect(query.plan.properties).toContain('date');
  });
});

describe('traversals', () => {
  const unrestricted = { filtered: false, windowed: false };

  it('shortestPath: one row, the nodes projected in place over the path when nothing below them needs a subquery', () => {
    const { nodes: query } = shortestPathSelection(
      infoFor('{ shortestPath(from: "a", to: "b") { length nodes { id } } }'),
      6,
      unrestricted,
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.cypher).toContain(
      'RETURN [n IN nodes(p) | [n.id]] AS nodes, length(p) AS length, [] AS relationships',
    );
    expect(query.cypher).not.toContain('UNWIND');
  });

  it('shortestPath: one row, the nodes projected in place with their nested connections as subqueries', () => {
    const { nodes: query } = shortestPathSelection(
      infoFor(`{ shortestPath(from: "a", to: "b") { length
        nodes { id ... on Person { positions(first: 2) { nodes { name } } } }
        relationships { type from { id } } } }`),
      6,
      unrestricted,
    );
    expect(query.cypher).toMatchSnapshot();
    // The nodes keep the path's order: each is projected in place, its page a COLLECT subquery.
    expect(query.cypher).toMatch(/^RETURN \[n IN nodes\(p\) \| \[n\.id, COLLECT \{$/m);
    expect(query.cypher).not.toContain('UNWIND');
  });

  it('shortestPath: the same document with other ends reuses its query; another bound or restriction compiles another', () => {
    const document = parse(
      'query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id } } }',
    );
    const path = (variables: Record<string, unknown>, maxHops: number, restrictions = unrestricted) =>
      shortestPathSelection(infoOf(document, variables), maxHops, restrictions).nodes;
    const first = path({ from: 'a', to: 'b' }, 6);
    expect(path({ from: 'c', to: 'd' }, 6)).toBe(first);
    // The ends are not in the compiled query: the resolver adds them to its parameters.
    expect(first.params).toEqual({});
    expect(path({ from: 'a', to: 'b' }, 4).cypher).toContain('*..4');
    expect(first.cypher).toContain('*..6');
    expect(path({ from: 'a', to: 'b' }, 6, { filtered: true, windowed: false }).cypher).toContain('$types');
    expect(first.cypher).not.toContain('$types');
  });

  it('neighborhood: the nodes of a subgraph in one row', () => {
    const { nodes: query } = subgraphSelection(
      infoFor('{ neighborhood(of: "a") { nodes { id displayName } relationships { id } } }'),
      ['a', 'b'],
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.cypher).toMatch(/^RETURN collect\(\[n\.id, .*\]\) AS nodes$/m);
  });
});

describe('shapes', () => {
  it('reuse what lies below the top node for another request of the same document, whatever its id', () => {
    const document = parse(
      'query ($id: ID!) { person(id: $id) { name meetings(first: 3) { nodes { id participants(first: 2) { nodes { id } } } } } }',
    );
    const first = lookupQuery(infoOf(document, { id: 'person:a' }), 'person:a', 'Person');
    const second = lookupQuery(infoOf(document, { id: 'person:b' }), 'person:b', 'Person');
    expect(second.plan).toBe(first.plan);
    expect(second.cypher).toBe(first.cypher);
    expect(first.params).toEqual({ p0: 'person:a', l0: 2, l1: 3 });
    expect(second.params).toEqual({ p0: 'person:b', l0: 2, l1: 3 });
    // A document parsed again is another shape as far as identity goes: compiled again, to the same text.
    const reparsed = lookupQuery(infoOf(parse(print(document)), { id: 'person:a' }), 'person:a', 'Person');
    expect(reparsed.plan).not.toBe(first.plan);
    expect(reparsed.cypher).toBe(first.cypher);
  });

  it('compile again when a variable used below the top node changes, in a field, a directive or a fragment', () => {
    const document = parse(`query ($n: Int, $name: Boolean!, $place: Boolean!) { person(id: "x") {
      meetings(first: $n) { nodes { id name @include(if: $name) ...M } } } }
      fragment M on Meeting { place @include(if: $place) { name } }`);
    const compile = (variables: Record<string, unknown>) =>
      lookupQuery(infoOf(document, variables), 'person:x', 'Person');
    const base = compile({ n: 2, name: true, place: false });
    expect(compile({ n: 2, name: true, place: false }).plan).toBe(base.plan);
    const bigger = compile({ n: 5, name: true, place: false });
    expect(bigger.plan).not.toBe(base.plan);
    expect(base.params).toMatchObject({ l0: 2 });
    expect(bigger.params).toMatchObject({ l0: 5 });
    expect(base.cypher).toContain('n0.name');
    expect(compile({ n: 2, name: false, place: false }).cypher).not.toContain('n0.name');
    expect(base.cypher).not.toContain('HELD_IN');
    expect(compile({ n: 2, name: true, place: true }).cypher).toContain('HELD_IN');
  });

  it('reuse a search for other words and pages of the same document, and compile again for other types, directions or cursors', () => {
    const document = parse(
      'query ($text: String!, $n: Int) { search(text: $text, first: $n) { edges { score node { id } } pageInfo { hasNextPage } } }',
    );
    const page = (size: number, after: [number, string] | null = null) => ({
      size,
      backward: false,
      after,
      before: null,
    });
    const people: ['Person'] = ['Person'];
    const first = searchQuery(infoOf(document, { text: 'lavrov', n: 5 }), {
      query: 'lavrov',
      labels: people,
      window: page(5),
    });
    const second = searchQuery(infoOf(document, { text: 'ryabkov', n: 8 }), {
      query: 'ryabkov',
      labels: people,
      window: page(8),
    });
    expect(second.cypher).toBe(first.cypher);
    expect(second.plan).toBe(first.plan);
    // Each request's own values: its words and one more row than its page (hasNextPage is asked).
    expect(first.params).toEqual({ q0: 'lavrov', q1: ['search', 'search_english'], q2: 6 });
    expect(second.params).toEqual({ q0: 'ryabkov', q1: ['search', 'search_english'], q2: 9 });
    const everything = searchQuery(infoOf(document, { text: 'lavrov', n: 5 }), {
      query: 'lavrov',
      labels: null,
      window: page(5),
    });
    expect(everything.cypher).not.toBe(first.cypher);
    expect(everything.params.q1).toContainEqual({ name: 'search_indonesian', languages: ['id'] });
    const next = searchQuery(infoOf(document, { text: 'lavrov', n: 5 }), {
      query: 'lavrov',
      labels: people,
      window: page(5, [2.5, 'person:a']),
    });
    expect(next.cypher).not.toBe(first.cypher);
    expect(next.params).toEqual({ q0: 'lavrov', q1: ['search', 'search_english'], q2: [2.5, 'person:a'], q3: 6 });
    const backward = searchQuery(infoOf(document, { text: 'lavrov', n: 5 }), {
      query: 'lavrov',
      labels: people,
      window: { ...page(5), backward: true },
    });
    expect(backward.cypher).not.toBe(first.cypher);
    expect(backward.cypher).toContain('score ASC');
  });

  it("reuse a list for other filter values and pages of the same document, and compile again for another filter's clauses", () => {
    const document = parse('query ($n: Int) { people(first: $n) { pageInfo { hasNextPage } nodes { id name } } }');
    const named = (name: string) => ({
      label: 'Person' as const,
      match: 'MATCH (n:Person)\nWHERE n.name = $f0',
      params: { f0: name },
      sortKey: byName,
      direction: 'ASC' as const,
    });
    const window = (size: number, after: [string, string] | null = null) => ({
      size,
      backward: false,
      after,
      before: null,
    });
    const first = listQuery(infoOf(document, { n: 5 }), named('Lavrov'), window(5));
    const second = listQuery(infoOf(document, { n: 2 }), named('Ryabkov'), window(2));
    expect(second.cypher).toBe(first.cypher);
    expect(second.plan).toBe(first.plan);
    expect(first.params).toEqual({ f0: 'Lavrov', q0: 6 });
    expect(second.params).toEqual({ f0: 'Ryabkov', q0: 3 });
    const next = listQuery(infoOf(document, { n: 2 }), named('Ryabkov'), window(2, ['ryabkov', 'person:a']));
    expect(next.cypher).not.toBe(first.cypher);
    expect(next.params).toEqual({ f0: 'Ryabkov', q0: ['ryabkov', 'person:a'], q1: 3 });
    const everyone = listQuery(
      infoOf(document, { n: 2 }),
      { ...named('x'), match: 'MATCH (n:Person)', params: {} },
      window(2),
    );
    expect(everyone.cypher).not.toContain('$f0');
    expect(everyone.params).toEqual({ q0: 3 });
  });
});

it('the compiled lookup reads the type its field returns', () => {
  const info = infoFor('{ meeting(id: "x") { name } }');
  expect(getNamedType(info.returnType).name).toBe('Meeting');
});
