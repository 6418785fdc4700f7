import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from './logger';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

/** Refusals a service writes for the client; a gateway relays them as they are. */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
]);

/** Codes whose message is written for the client; anything else is masked before it leaves. */
const CLIENT_CODES: ReadonlySet<string> = new Set([
  ...REFUSAL_CODES,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's limits on what one operation may ask (gateway/limits).
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COMPLEX',
  'LIST_ARGUMENT_TOO_LONG',
  'QUERY_TOO_LARGE',
]);

function clientError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, extensions?: Record<string, unknown>) =>
  clientError('BAD_USER_INPUT', message, extensions);

export const forbidden = (message = 'You are not allowed to do this') =>
  clientError('FORBIDDEN', message);

export const unauthenticated = (message = 'A valid Authorization header is required') =>
  clientError('UNAUTHENTICATED', message, { http: { status: 401 } });

export const conflict = (message: string, extensions?: Record<string, unknown>) =>
  clientError('CONFLICT', message, extensions);

export const notFound = (type: string, id: string) =>
  clientError('NOT_FOUND', `${type} "${id}" does not exist`, { type, id });

export const isNotFound = (error: unknown): boolean =>
  error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND';

/**
 * Builds an Apollo `formatError` that passes client errors through and replaces everything else
 * (database errors, bugs) with a generic message, logging the original in full.
 */
export function formatErrorFor(log: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return exposeDetails ? formatted : withoutStacktrace(formatted);
    }
    log.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.stacktrace) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
