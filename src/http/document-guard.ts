/**
 * A pass over the query text before it is parsed: counts its tokens and how deeply its brackets
 * nest, with graphql's own lexer (a loop, no recursion). graphql's parser is recursive, so a
 * 2,000-deep `{a{a{…}}}` would overflow the stack inside it; here it is refused first, in time
 * linear in the text and bounded by the token limit.
 */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

export interface DocumentLimits {
  maxTokens: number;
  /** Brackets (`{`, `(`, `[`) open at once; a field level costs one `{`. */
  maxNesting: number;
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
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens) {
        return new GraphQLError(
          `The query has more than ${limits.maxTokens} tokens, the most this server reads; send a shorter query.`,
          { extensions: { code: 'TOO_MANY_TOKENS', maxTokens: limits.maxTokens } },
        );
      }
      if (opening.has(token.kind)) nesting += 1;
      else if (closing.has(token.kind)) nesting -= 1;
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
