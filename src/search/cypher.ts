/** Cypher of full-text search, and the translation of a user's words into a safe Lucene query. */
import { languageIndex, languageAnalyzers } from '../seed/full-text.js';
import { fullTextIndex } from '../seed/load.js';
import { nodeProjection } from '../cypher/build.js';
import { fullText } from '../model/graph.js';

/** The language indexes that exist and are online (the seeder creates them for the languages it loads). */
export const languageIndexesCypher = `
SHOW FULLTEXT INDEXES YIELD name, state
WHERE state = 'ONLINE' AND name STARTS WITH 'search_'
RETURN name`;

const knownIndexes = new Set(Object.values(languageAnalyzers).map(languageIndex));

/**
 * One query over the whole-word index and the given language indexes: each index's best $first hits
 * (of $labels, when given), then each node once with its best score. Index names are interpolated
 * only from the allow-list of full-text.ts.
 */
export function searchCypher(languageIndexes: readonly string[]): string {
  const indexes = [fullTextIndex, ...languageIndexes.filter((name) => knownIndexes.has(name)).sort()];
  const branches = indexes.map(
    (index) => `
  CALL db.index.fulltext.queryNodes('${index}', $query) YIELD node, score
  WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  RETURN node, score, '${index}' AS index
  LIMIT $first`,
  );
  return `
CALL () {${branches.join('\n  UNION ALL')}
}
WITH node, max(score) AS score, collect(index) AS indexes
ORDER BY score DESC, node.id
LIMIT $first
RETURN ${nodeProjection('node')} AS node, score, indexes`;
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
