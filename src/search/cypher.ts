/** Cypher of full-text search, and the translation of a user's words into a safe Lucene query. */
import { fullTextIndex } from '../seed/load.js';

export const searchCypher = `
CALL db.index.fulltext.queryNodes('${fullTextIndex}', $query) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
RETURN node {.*, __labels: labels(node)} AS node, score
LIMIT $first`;

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
export const searchedFields = ['name', 'aliases', 'headline', 'text', 'summary', 'description'] as const;
