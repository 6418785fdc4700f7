import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../shared/logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a caller (a proxy, a partner's system) chose is kept only if it is safe to log and echo. */
const SAFE_REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * The request being answered, for code that runs without it at hand: Apollo's `formatError` also
 * formats errors raised before any context exists (CSRF, authentication, a batch when batching is
 * off), and every one of them must carry the id.
 */
const current = new AsyncLocalStorage<string>();

/**
 * Gives every request an id: the caller's `x-request-id` when it is safe, otherwise a new UUID. The
 * id goes back in the response header, into the GraphQL context, onto every error and into the
 * log lines about the request, so a client's report and the logs meet on it.
 */
export function requestIds() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.header(REQUEST_ID_HEADER);
    const id = given !== undefined && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    current.run(id, next);
  };
}

export function requestIdOf(res: Response): string {
  return res.locals.requestId as string;
}

/** The log of the request being answered, when there is one. */
export function requestLog(log: Logger): Logger {
  const requestId = current.getStore();
  return requestId === undefined ? log : log.child({ requestId });
}

/** Wraps a `formatError` so that every error a client sees names its request. */
export function withRequestId(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const requestId = current.getStore();
    if (requestId === undefined) return result;
    return { ...result, extensions: { ...result.extensions, requestId } };
  };
}
