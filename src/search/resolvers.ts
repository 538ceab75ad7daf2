/** `search`: full-text search over the graph as a connection, each hit with the field that matched. */
import { badInput, defaultPageSize, lazyScope, pageWindow, type CursorKey } from '../graph/arguments.js';
import { answeredConnection } from '../graph/connection.js';
import type { NodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { fullText, labelNamed, type Label } from '../model/graph.js';
import { toRecord } from '../query/compile.js';
import { analyzerOf, languageIndex } from '../seed/full-text.js';
import { indexesColumn, luceneQuery, scoreColumn, searchQuery, searchedFields, searchTerms } from './cypher.js';

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
 * A statement's text is in the index of its language; the English index also covers the project's own
 * English fields (model/graph.ts `fullText.english`).
 */
function wordFormMatch(
  node: NodeRecord,
  words: Set<string>,
  indexes: string[],
): { field: string; text: string } | null {
  const analyzer = typeof node.language === 'string' ? analyzerOf(node.language) : null;
  const covered = [
    ...(analyzer && indexes.includes(languageIndex(analyzer)) ? ['text'] : []),
    ...(indexes.includes(languageIndex('english')) ? fullText.english : []),
  ];
  const texts = covered.flatMap((field) => (typeof node[field] === 'string' ? [{ field, text: node[field] }] : []));
  const inside = texts.find(({ text }) => [...words].some((word) => text.toLowerCase().includes(word)));
  return inside ?? texts[0] ?? null;
}

/** The labels of the `types` argument, each once in a fixed order (null: every label). */
function labelsOfTypes(types: readonly string[] | null | undefined): Label[] | null {
  if (!types || types.length === 0) return null;
  return [...new Set(types.map((type) => labelNamed(type)).filter((label) => label !== undefined))].sort();
}

interface SearchRow {
  items: (Record<string, unknown> | unknown[])[];
  total?: number;
  precedes?: boolean;
  follows?: boolean;
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, ctx, info) => {
      if (args.text.length > 500) throw badInput('text', 'may be at most 500 characters long');
      if (searchTerms(args.text).length === 0) throw badInput('text', 'must contain at least one word');
      const query = luceneQuery(args.text);
      const labels = labelsOfTypes(args.types);
      // A cursor belongs to the search of these words (as searched) and these types.
      const scope = lazyScope('search', query, labels);
      const window = pageWindow(args, scope, defaultPageSize('Query', 'search'), 2);
      for (const [argument, key] of [
        ['after', window.after],
        ['before', window.before],
      ] as const) {
        if (key && !isHitKey(key)) throw badInput(argument, 'is not a cursor of a search');
      }
      // One round trip, whatever the page size: the indexes come from the model, not from Neo4j.
      const compiled = searchQuery(info, { query, labels, window });
      const [row] = await ctx.db.read<SearchRow>(compiled.cypher, compiled.params);
      // The words are split again only to tell which field matched, when that is asked.
      const words = compiled.matched ? new Set(wordsOf(args.text)) : null;
      const hits = (row?.items ?? []).map((item) => {
        const node = toRecord(item, compiled.plan, compiled.compilation, compiled.label);
        const columns = node as unknown as Record<string, unknown>;
        const score = columns[scoreColumn] as number;
        const match = words
          ? (wholeWordMatch(node, words) ?? wordFormMatch(node, words, columns[indexesColumn] as string[]))
          : null;
        return { node, score, match, key: [score, node.id] };
      });
      return answeredConnection(
        hits,
        window,
        scope,
        { precedes: row?.precedes, follows: row?.follows },
        row?.total ?? 0,
        (hit) => ({
          node: hit.node,
          score: hit.score,
          matchedField: hit.match?.field ?? null,
          matchedText: hit.match?.text ?? null,
        }),
      );
    },
  },
};

/** A search cursor's key: the hit's score and its node's id. */
const isHitKey = (key: CursorKey) => typeof key[0] === 'number' && typeof key[1] === 'string';
