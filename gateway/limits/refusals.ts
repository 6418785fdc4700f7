import { type ASTNode, GraphQLError, type GraphQLFormattedError } from 'graphql';

export type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'QUERY_TOO_COMPLEX'
  | 'LIST_ARGUMENT_TOO_LONG'
  | 'QUERY_TOO_LARGE';

/** What each refusal tells every client; the numbers follow only where limits are exposed. */
const MESSAGES: Readonly<Record<LimitCode, string>> = {
  QUERY_TOO_DEEP: 'The query is nested too deeply',
  TOO_MANY_ALIASES: 'The query uses too many aliases',
  QUERY_TOO_COMPLEX:
    'The query would cost too much to answer; ask for smaller pages or fewer fields',
  LIST_ARGUMENT_TOO_LONG: 'A list in the request is too long',
  QUERY_TOO_LARGE: 'The query document is too large',
};

/**
 * An operation over one of the edge's limits, refused with HTTP 400 before anything runs. Outside
 * production the message says by how much, to help whoever writes the query; in production it does
 * not, so a client cannot probe for the limits.
 */
export class LimitExceeded extends GraphQLError {
  constructor(
    readonly code: LimitCode,
    measured: string,
    exposeLimits: boolean,
    nodes?: ASTNode | readonly ASTNode[],
  ) {
    super(exposeLimits ? `${MESSAGES[code]}: ${measured}` : MESSAGES[code], {
      nodes,
      extensions: { code, http: { status: 400 } },
    });
  }
}

/**
 * graphql-js's own refusal of a document over `maxLexicalTokens`, the only sign it gives; 16.x
 * writes "more that", which a later release may correct.
 */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens/;

function limitExceededIn(error: unknown): LimitExceeded | null {
  if (error instanceof LimitExceeded) return error;
  // Apollo wraps a validation rule's error in its own, with GRAPHQL_VALIDATION_FAILED for a code.
  if (error instanceof GraphQLError && error.originalError instanceof LimitExceeded) {
    return error.originalError;
  }
  return null;
}

/**
 * Wraps a `formatError` so that every limit's refusal reaches it with its own code: the ones a
 * validation rule reported, which Apollo re-coded, and graphql-js's parse error for too many
 * tokens, which also names the limit.
 */
export function withLimitRefusals(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  exposeLimits: boolean,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const refusal = limitExceededIn(error);
    if (refusal) {
      return format(
        { ...formatted, extensions: { ...formatted.extensions, code: refusal.code } },
        error,
      );
    }
    const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
    if (tokens && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
      const tooLarge = new LimitExceeded(
        'QUERY_TOO_LARGE',
        `it has more than ${tokens[1]} tokens`,
        exposeLimits,
      );
      // Nothing of graphql-js's error is kept: its message, location and stack trace name the limit.
      return format({ message: tooLarge.message, extensions: { code: tooLarge.code } }, tooLarge);
    }
    return format(formatted, error);
  };
}
