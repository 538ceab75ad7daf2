/**
 * A pass over the query text before it is parsed: counts its tokens, its fields and how deeply its
 * brackets nest, with graphql's own lexer (a loop, no recursion). graphql's parser is recursive,
 * so a 2,000-deep `{a{a{…}}}` would overflow the stack inside it; and graphql's validation rule
 * OverlappingFieldsCanBeMerged compares fields pairwise, so 1,600 `__typename`s keep it busy for
 * 100-300 ms, and its fragment-pair checks made 100 fragments spread side by side cost 240 ms (so
 * spreads and fragment definitions are capped at 30). All are refused here first, in time linear in the text and bounded by the token limit.
 */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { LRUCache } from 'lru-cache';

export interface DocumentLimits {
  maxTokens: number;
  /** Brackets (`{`, `(`, `[`) open at once; a field level costs one `{`. */
  maxNesting: number;
  /** Fields written in the text (aliased or not; fragments count once, where they are written). */
  maxFields: number;
  /** Fragment spreads (`...Name`) written in the text: validation compares them pairwise too. */
  maxSpreads: number;
  /** Fragment definitions (`fragment Name on …`): validation compares fragment pairs as well. */
  maxFragments: number;
}

const opening = new Set<string>([TokenKind.BRACE_L, TokenKind.PAREN_L, TokenKind.BRACKET_L]);
const closing = new Set<string>([TokenKind.BRACE_R, TokenKind.PAREN_R, TokenKind.BRACKET_R]);

/**
 * A GraphQL error naming the limit the text exceeds, or null. Lexical errors are left to the
 * parser, which reports them with their position (GRAPHQL_PARSE_FAILED).
 */
export function checkDocument(text: string, limits: DocumentLimits): GraphQLError | null {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let nesting = 0;
  let fields = 0;
  let spreads = 0;
  let fragments = 0;
  // For each open bracket: whether it holds values (arguments, lists, input objects), where names
  // are not fields. `{` opens a selection set unless it is inside values.
  const valueBrackets: boolean[] = [];
  let previous: TokenKind | 'on' = TokenKind.SOF;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      // A field is a name inside a selection set that is not an alias (followed by `:`), a
      // directive (after `@`) or a fragment's name or type condition (after `...` or `on`).
      if (
        token.kind === TokenKind.NAME &&
        valueBrackets.length > 0 &&
        !valueBrackets[valueBrackets.length - 1] &&
        previous !== TokenKind.AT &&
        previous !== TokenKind.SPREAD &&
        previous !== 'on' &&
        lexer.lookahead().kind !== TokenKind.COLON
      ) {
        fields += 1;
        if (fields > limits.maxFields) {
          return new GraphQLError(
            `The query has more than ${limits.maxFields} fields, the most this server reads; send a shorter query.`,
            { extensions: { code: 'TOO_MANY_FIELDS', maxFields: limits.maxFields } },
          );
        }
      }
      if (previous === TokenKind.SPREAD && token.kind === TokenKind.NAME && token.value !== 'on') {
        spreads += 1;
        if (spreads > limits.maxSpreads) {
          return new GraphQLError(
            `The query spreads fragments more than ${limits.maxSpreads} times, the most this server reads.`,
            { extensions: { code: 'TOO_MANY_FRAGMENT_SPREADS', maxSpreads: limits.maxSpreads } },
          );
        }
      }
      if (token.kind === TokenKind.NAME && token.value === 'fragment' && valueBrackets.length === 0) {
        fragments += 1;
        if (fragments > limits.maxFragments) {
          return new GraphQLError(
            `The query defines more than ${limits.maxFragments} fragments, the most this server reads.`,
            { extensions: { code: 'TOO_MANY_FRAGMENTS', maxFragments: limits.maxFragments } },
          );
        }
      }
      previous = token.kind === TokenKind.NAME && token.value === 'on' ? 'on' : token.kind;
      if (tokens > limits.maxTokens) {
        return new GraphQLError(
          `The query has more than ${limits.maxTokens} tokens, the most this server reads; send a shorter query.`,
          { extensions: { code: 'TOO_MANY_TOKENS', maxTokens: limits.maxTokens } },
        );
      }
      if (opening.has(token.kind)) {
        nesting += 1;
        valueBrackets.push(token.kind !== TokenKind.BRACE_L || valueBrackets[valueBrackets.length - 1] === true);
      } else if (closing.has(token.kind)) {
        nesting -= 1;
        valueBrackets.pop();
      }
      if (nesting > limits.maxNesting) {
        return new GraphQLError(
          `The query nests brackets more than ${limits.maxNesting} deep, the most this server reads.`,
          { extensions: { code: 'QUERY_TOO_DEEP', maxNesting: limits.maxNesting } },
        );
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** Distinct query texts remembered as within the limits; a client's fixed set of queries fits many times over. */
export const passedDocumentCacheSize = 500;
/** Longer texts are checked every time, so that the remembered texts stay small (at most 500 × 16 KB). */
const rememberedTextLength = 16 * 1024;

const passedByLimits = new WeakMap<DocumentLimits, LRUCache<string, true>>();

/**
 * checkDocument, remembering the texts that passed (for these limits): a client sends the same few
 * query texts over and over, and lexing each again costs more per request than the rest of this path.
 * Derived from the text and the limits only, bounded like Apollo's own parsed-document cache.
 */
export function checkDocumentOnce(text: string, limits: DocumentLimits): GraphQLError | null {
  let passed = passedByLimits.get(limits);
  if (!passed) {
    passed = new LRUCache<string, true>({ max: passedDocumentCacheSize });
    passedByLimits.set(limits, passed);
  }
  if (passed.has(text)) return null;
  const refused = checkDocument(text, limits);
  if (!refused && text.length <= rememberedTextLength) passed.set(text, true);
  return refused;
}
