/** Cypher of full-text search, and the translation of a user's words into a safe Lucene query. */
import { getNamedType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { analyzerOfIndex, languageIndex, languageAnalyzers, languageProperty } from '../seed/full-text.js';
import { fullTextIndex } from '../seed/load.js';
import { fullText, labels } from '../model/graph.js';
import { fieldItems } from '../query/plan.js';
import { itemsQuery, selectionOf, type CompiledQuery } from '../query/root.js';

/** The language indexes that exist and are online (the seeder creates them for the languages it loads). */
export const languageIndexesCypher = `
SHOW FULLTEXT INDEXES YIELD name, state
WHERE state = 'ONLINE' AND name STARTS WITH 'search_'
RETURN name`;

const knownIndexes = new Set(Object.values(languageAnalyzers).map(languageIndex));

/** The indexes a search queries: the whole-word index and the language indexes of the allow-list that exist. */
export const searchedIndexes = (languageIndexes: readonly string[]) => [
  fullTextIndex,
  ...languageIndexes.filter((name) => knownIndexes.has(name)).sort(),
];

/**
 * The hits over the whole-word index and the given language indexes: each index's best $first hits
 * (of $labels, when given), then each node once with its best score, as `n`, `score` and `indexes`.
 * Index names are interpolated only from the allow-list of full-text.ts.
 */
export function searchHitsCypher(indexes: readonly string[]): string[] {
  const branches = indexes.map(
    (index) => `
  CALL db.index.fulltext.queryNodes('${index}', $query) YIELD node, score
  WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  RETURN node, score, '${index}' AS index
  LIMIT $first`,
  );
  return [
    `CALL () {${branches.join('\n  UNION ALL')}\n}`,
    'WITH node, max(score) AS score, collect(index) AS indexes',
    'ORDER BY score DESC, node.id',
    'LIMIT $first',
    'WITH node AS n, score, indexes',
  ];
}

/**
 * The search with everything selected on each hit's node, in one query (./resolvers.ts reads which
 * language indexes exist first). Each node also brings the properties the match is told from.
 */
export function searchQuery(info: GraphQLResolveInfo, indexes: readonly string[]): CompiledQuery {
  const selection = selectionOf(info);
  const resultType = getNamedType(info.returnType);
  const { items } = isObjectType(resultType)
    ? fieldItems(selection, resultType, info.fieldNodes, 'node')
    : { items: [] };
  const reads = [
    ...fullText.properties,
    ...indexes.filter((index) => index !== fullTextIndex).map((index) => languageProperty(analyzerOfIndex(index))),
  ];
  return itemsQuery(selection, [...labels], items, () => searchHitsCypher(indexes), {
    reads,
    columns: ['score', 'indexes'],
    order: 'score DESC, node.id',
  });
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

/** The fields a language index covers (full-text.ts), as the fields a client sees, in the order reported. */
export const languageFields = ['text', ...fullText.english] as const;
