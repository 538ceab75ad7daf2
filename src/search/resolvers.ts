/** `search`: full-text search over the graph, with the field that matched. */
import { badInput, intInRange } from '../graph/arguments.js';
import { toNodeRecord, type NodeRecord } from '../graph/records.js';
import type { Resolvers, SearchableType } from '../generated/graphql.js';
import { luceneQuery, searchCypher, searchedFields, searchTerms } from './cypher.js';

const labelOf: Record<SearchableType, string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  MEETING: 'Meeting',
  STATEMENT: 'Statement',
  ARTICLE: 'Article',
  TOPIC: 'Topic',
};

/** Words as the full-text index's analyzer sees them: letters and digits, lowercased. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/** The first indexed field that contains one of the words whole, and that field's text. */
function matchOf(node: NodeRecord, words: Set<string>): { field: string; text: string } | null {
  for (const field of searchedFields) {
    const value = node[field];
    const texts = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
    for (const text of texts) {
      if (wordsOf(text).some((word) => words.has(word))) return { field, text };
    }
  }
  return null;
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, ctx) => {
      if (args.text.length > 500) throw badInput('text', 'may be at most 500 characters long');
      const words = searchTerms(args.text);
      if (words.length === 0) throw badInput('text', 'must contain at least one word');
      const first = intInRange('first', args.first, 1, 100, 10);
      const rows = await ctx.db.read<{ node: Record<string, unknown>; score: number }>(searchCypher, {
        query: luceneQuery(args.text),
        labels: args.types && args.types.length > 0 ? args.types.map((type) => labelOf[type]) : null,
        first,
      });
      return rows.map((row) => {
        const node = ctx.loaders.prime(toNodeRecord(row.node));
        const match = matchOf(node, new Set(wordsOf(args.text)));
        return { node, score: row.score, matchedField: match?.field ?? null, matchedText: match?.text ?? null };
      });
    },
  },
};
