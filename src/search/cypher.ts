/** Cypher of full-text search, and the translation of a user's words into a safe Lucene query. */
import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { LRUCache } from 'lru-cache';
import {
  orderBy,
  parameterName,
  Parameters,
  probeConditions,
  windowConditions,
  type OrderColumn,
} from '../cypher/build.js';
import type { PageWindow } from '../graph/arguments.js';
import { fullText, fullTextLanguages, labels, nodeProperties, type Label } from '../model/graph.js';
import { connectionItems } from '../query/plan.js';
import {
  compiledByShape,
  selectionOf,
  windowKey,
  windowValues,
  withValues,
  type CompiledQuery,
  type PageShape,
  type WindowNames,
} from '../query/root.js';
import { compiledLevel } from '../query/shapes.js';
import { analyzerOfIndex, languageIndexes, languageIndexProperties } from '../seed/full-text.js';
import { fullTextIndex } from '../seed/load.js';

/**
 * The indexes every search queries: the whole-word index and one index per language the model
 * declares (all created with the schema, so the server knows them without asking Neo4j).
 */
export const searchedIndexes: readonly string[] = [fullTextIndex, ...languageIndexes];

/** The labels that hold a property: text under `text_<analyzer>` is a statement's. */
const labelsHolding = (property: string): Label[] =>
  labels.filter((label) =>
    (nodeProperties[label] as readonly string[]).includes(property.startsWith('text_') ? 'text' : property),
  );

/**
 * Each searched index with the languages (primary subtags) of the statements it holds, or null for
 * those always searched: the whole-word index and the English one, which also holds the project's own
 * English texts. An index of a language no statement is in is empty: the query skips it, found out by
 * an index seek on `Statement.language` (each full-text call has a fixed cost, paid for every
 * declared language otherwise). `labels` are those whose properties the index covers.
 */
export const searchedIndexLanguages: readonly { name: string; languages: string[] | null; labels: Label[] }[] =
  searchedIndexes.map((name) => {
    const analyzer = analyzerOfIndex(name);
    const properties = name === fullTextIndex ? fullText.properties : languageIndexProperties(analyzer);
    const covered = labels.filter((label) => properties.some((property) => labelsHolding(property).includes(label)));
    if (name === fullTextIndex || analyzer === 'english') return { name, languages: null, labels: covered };
    const tags = Object.entries(fullTextLanguages).filter(([, of]) => of === analyzer);
    return { name, languages: [...new Set(tags.map(([tag]) => tag.split('-')[0]!))], labels: covered };
  });

/**
 * The indexes a search of these labels (null: all) asks: only those covering a property of one of
 * them. A search of people asks the whole-word and the English index (descriptions), not the 32
 * indexes that hold only statements' texts.
 */
export function indexesFor(searched: readonly Label[] | null): { name: string; languages: string[] | null }[] {
  return searchedIndexLanguages
    .filter((index) => !searched || index.labels.some((label) => searched.includes(label)))
    .map(({ name, languages }) => ({ name, languages }));
}

/** The order of hits: best score first, then id; a cursor holds both (the score exactly, as Neo4j gave it). */
const hitColumns = (score: string, v: string): OrderColumn[] => [{ expr: score, desc: true }, { expr: `${v}.id` }];

/**
 * The hits over the searched indexes (of `labelsParam`, when given), each node once with its best score,
 * as `n` and `score`, and with `withIndexes` the indexes that found it as `indexes`. The `indexes`
 * parameter lists their names, or with `filtered` `{name, languages}` maps (an index of languages no
 * statement is in is skipped). Index names are a parameter from the model's allow-list: one UNWIND over
 * them rather than a UNION per index, which costs every row a step per branch.
 *
 * Hits of equal score are ordered by id, which Lucene does not do, so no index's own ranking can simply
 * be cut at a page's size. With `reach` (a first page), each index keeps the hits scoring at least as
 * high as its `reach`-th best (its floor), ties included: the best `reach` nodes overall are among
 * those, with their best scores. Each index is asked once (each call has a fixed cost, paid for every
 * declared language). Without `reach`, every hit.
 */
function hitsCypher(
  indexes: string,
  query: string,
  searched: readonly Label[] | null,
  reach: string | null,
  { filtered, withIndexes }: { filtered: boolean; withIndexes: boolean },
): string[] {
  // Labels come from the model's allow-list: written into the text, one label test instead of a list scan.
  const labelled = searched ? [`WHERE node:${searched.join('|')}`] : [];
  const call = `CALL db.index.fulltext.queryNodes(index, ${query}) YIELD node, score`;
  const hits = reach
    ? [
        'CALL (index) {',
        `  ${call}`,
        ...labelled.map((line) => `  ${line}`),
        '  RETURN collect({node: node, score: score}) AS found',
        '}',
        // Lucene gives each index's hits best first: the floor is the score of the `reach`-th.
        `UNWIND CASE WHEN size(found) > ${reach} THEN [hit IN found WHERE hit.score >= found[${reach} - 1].score] ELSE found END AS hit`,
        `WITH ${withIndexes ? 'index, ' : ''}hit.node AS node, hit.score AS score`,
      ]
    : [call, ...labelled];
  // Indexes that every search asks (all of them when no statement is searched) come as their names alone.
  const asked = filtered
    ? [
        `UNWIND ${indexes} AS searched`,
        'WITH searched WHERE searched.languages IS NULL OR',
        '  any(language IN searched.languages WHERE EXISTS { MATCH (s:Statement) WHERE s.language STARTS WITH language })',
        'WITH searched.name AS index',
      ]
    : [`UNWIND ${indexes} AS index`];
  return [...asked, ...hits, `WITH node AS n, max(score) AS score${withIndexes ? ', collect(index) AS indexes' : ''}`];
}

/**
 * The columns a hit's projected node carries besides its own: its best score and, when the matched
 * field is asked for (it is told from them), the indexes that found it.
 */
export const scoreColumn = '__score';
export const indexesColumn = '__indexes';
const hitEntries = (withIndexes: boolean): [string, string][] =>
  withIndexes
    ? [
        [scoreColumn, 'score'],
        [indexesColumn, 'indexes'],
      ]
    : [[scoreColumn, 'score']];

/** A search as the resolver asks for it: the Lucene query, the labels (null: all) and the page. */
export interface SearchRequest {
  query: string;
  labels: Label[] | null;
  window: PageWindow;
}

/** A search's Cypher for one shape, and the names of the parameters each request fills in. */
interface SearchShape extends PageShape<WindowNames & { query: string; indexes: string }> {
  /** The names or maps of the indexes asked (the same for every search of these labels). */
  indexes: unknown[];
  /** Whether the field that matched is selected (each hit then brings the indexes that found it). */
  matched: boolean;
}

/** Distinct search shapes kept compiled: a client's fixed set of searches, many times over. */
export const compiledSearchCacheSize = 500;

/**
 * Compiled searches by shape. A client sends the same search document with other words and other
 * pages: the text depends only on the selection (see ../query/shapes.ts), the labels searched, the
 * direction and which cursors are given. Holds only what is derived from documents and the model.
 */
const searchShapes = new LRUCache<string, SearchShape>({ max: compiledSearchCacheSize });

/**
 * One page of a search with everything selected on its hits' nodes, in one query that always answers
 * one row: `items` (up to `size + 1`, in the window's direction, each a projected node with its
 * `scoreColumn` and `indexesColumn`), `total` when `totalCount` is selected, and the probes of
 * pageInfo when the window has cursors. When the matched field is selected, each node also brings
 * the properties it is told from.
 */
export function searchQuery(
  info: GraphQLResolveInfo,
  request: SearchRequest,
): CompiledQuery & { count: boolean; matched: boolean } {
  const { window } = request;
  const shape = compiledByShape(searchShapes, info, [request.labels, ...windowKey(window)], () =>
    searchShape(info, request),
  );
  const { names } = shape;
  return {
    ...withValues(
      shape,
      { [names.query]: request.query, [names.indexes]: shape.indexes },
      windowValues(names, window, shape.more),
    ),
    count: shape.count,
    matched: shape.matched,
    label: shape.label,
  };
}

function searchShape(info: GraphQLResolveInfo, request: SearchRequest): SearchShape {
  const selection = selectionOf(info);
  const { items, count, more, edgeFields } = connectionItems(
    selection,
    getNamedType(info.returnType) as GraphQLObjectType,
    info.fieldNodes,
  );
  // Planned for the searched labels only: the hits have no other (the query tests their labels).
  const types = request.labels ? [...request.labels] : [...labels];
  // The field that matched is told from the node's texts: fetched only when it is asked for.
  const matched = edgeFields.has('matchedField') || edgeFields.has('matchedText');
  // A search of one label knows its hits' type (of several, each hit's id names it).
  const label = request.labels?.length === 1 ? request.labels[0]! : null;
  const level = compiledLevel(selection, types, items, {
    reads: matched ? [...fullText.properties, 'language'] : [],
    extra: hitEntries(matched),
  });
  // Values are filled in by each request (searchQuery); here only their names are taken.
  const params = new Parameters('q');
  const query = params.add(null);
  const askedIndexes = indexesFor(request.labels);
  const filtered = askedIndexes.some((index) => index.languages !== null);
  const indexes = params.add(null);
  const shape = { filtered, withIndexes: matched };
  const carried = matched ? 'n, score, indexes' : 'n, score';
  const { window } = request;
  const after = window.after ? params.add(null) : null;
  const before = window.before ? params.add(null) : null;
  const limit = params.add(null);
  // A first page without its count needs only each index's best hits; any other page every hit.
  const firstPage = !window.backward && !after && !before && !count;
  const columns = hitColumns('score', 'n');
  const order = orderBy(columns, window.backward);
  const conditions = windowConditions(columns, after, before);
  const page = [
    ...(conditions.length > 0 ? [`WITH ${carried} WHERE ${conditions.join(' AND ')}`] : []),
    `WITH ${carried} ${order}`,
    `LIMIT ${limit}`,
    `RETURN collect(${level.projection}) AS items`,
  ];
  const probes = probeConditions(hitColumns('hit.score', 'hit.n'), after, before);
  const sides = (['precedes', 'follows'] as const).filter((side) => probes[side] !== null);
  const lines =
    count || sides.length > 0
      ? [
          // The count and the probes need every hit: gathered once, the page is taken from them.
          ...hitsCypher(indexes, query, request.labels, null, shape),
          `WITH collect({n: n, score: score${matched ? ', indexes: indexes' : ''}}) AS hits`,
          'CALL (hits) {',
          '  UNWIND hits AS hit',
          `  WITH hit.n AS n, hit.score AS score${matched ? ', hit.indexes AS indexes' : ''}`,
          ...page.map((line) => `  ${line}`),
          '}',
          `RETURN ${[
            'items',
            ...(count ? ['size(hits) AS total'] : []),
            ...sides.map((side) => `any(hit IN hits WHERE ${probes[side]}) AS ${side}`),
          ].join(', ')}`,
        ]
      : [...hitsCypher(indexes, query, request.labels, firstPage ? limit : null, shape), ...page];
  return {
    cypher: lines.join('\n'),
    level,
    names: {
      query: parameterName(query),
      indexes: parameterName(indexes),
      after: after && parameterName(after),
      before: before && parameterName(before),
      limit: parameterName(limit),
    },
    indexes: filtered ? askedIndexes : askedIndexes.map((index) => index.name),
    count,
    more,
    matched,
    label,
  };
}

/**
 * Each word becomes a plain Lucene term: special characters are escaped and words are lowercased
 * (so that AND, OR and NOT stay words), which leaves no way to inject Lucene syntax.
 */
export function luceneQuery(text: string): string {
  return searchTerms(text)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .join(' ');
}

export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** The properties the full-text index covers, in the order a match is reported. */
export const searchedFields = fullText.properties;
