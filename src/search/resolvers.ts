/** `search`: full-text search over the graph, with the field that matched. */
import { badInput, intInRange } from '../graph/arguments.js';
import type { NodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { labelNamed } from '../model/graph.js';
import { toRecord } from '../query/compile.js';
import { analyzerOfIndex, languageIndex, languageProperty } from '../seed/full-text.js';
import {
  languageFields,
  languageIndexesCypher,
  luceneQuery,
  searchQuery,
  searchedIndexes,
  searchedFields,
  searchTerms,
} from './cypher.js';

/** Words as the full-text index's analyzer sees them: letters and digits, lowercased. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/** The first indexed field that contains one of the words whole, and that field's text. */
function wholeWordMatch(node: NodeRecord, words: Set<string>): { field: string; text: string } | null {
  for (const field of searchedFields) {
    const value = node[field];
    const texts = (Array.isArray(value) ? value : [value]).filter((text) => typeof text === 'string');
    for (const text of texts) {
      if (wordsOf(text).some((word) => words.has(word))) return { field, text };
    }
  }
  return null;
}

/**
 * For a node a language index found by another form of a word ("kegagalan" for "gagal"): the first
 * field that index covers which holds one of the words inside a longer word, else the first it covers.
 */
function wordFormMatch(
  node: NodeRecord,
  words: Set<string>,
  indexes: string[],
): { field: string; text: string } | null {
  const covered = languageFields.filter((field) =>
    field === 'text'
      ? indexes.some((index) => typeof node[languageProperty(analyzerOfIndex(index))] === 'string')
      : indexes.includes(languageIndex('english')),
  );
  const texts = covered.flatMap((field) => (typeof node[field] === 'string' ? [{ field, text: node[field] }] : []));
  const inside = texts.find(({ text }) => [...words].some((word) => text.toLowerCase().includes(word)));
  return inside ?? texts[0] ?? null;
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, ctx, info) => {
      if (args.text.length > 500) throw badInput('text', 'may be at most 500 characters long');
      if (searchTerms(args.text).length === 0) throw badInput('text', 'must contain at least one word');
      const first = intInRange('first', args.first, 1, 100, 10);
      // Two round trips, whatever the page size: which language indexes exist (Neo4j cannot ask that inside
      // another query), then the search with everything selected on its hits.
      const indexes = (await ctx.db.read<{ name: string }>(languageIndexesCypher)).map((row) => row.name);
      const query = searchQuery(info, searchedIndexes(indexes));
      const rows = await ctx.db.read<{ node: Record<string, unknown>; score: number; indexes: string[] }>(
        query.cypher,
        {
          ...query.params,
          query: luceneQuery(args.text),
          labels: args.types && args.types.length > 0 ? args.types.map((type) => labelNamed(type)) : null,
          first,
        },
      );
      const words = new Set(wordsOf(args.text));
      return rows.map((row) => {
        const node = toRecord(row.node, query.plan, query.compilation);
        const match = wholeWordMatch(node, words) ?? wordFormMatch(node, words, row.indexes);
        return { node, score: row.score, matchedField: match?.field ?? null, matchedText: match?.text ?? null };
      });
    },
  },
};
