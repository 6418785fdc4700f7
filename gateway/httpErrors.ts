import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Config } from '../shared/config';
import type { Logger } from '../shared/logger';
import { requestIdOf } from './requestId';

/** What body-parser (through http-errors) puts on the errors it raises. */
interface HttpError {
  status?: unknown;
  expose?: unknown;
  message?: unknown;
}

/** A refusal written for the client before Apollo runs (a partner's key, rate or operation). */
function edgeRefusal(error: unknown): Answer | null {
  if (!(error instanceof GraphQLError)) return null;
  const { code, http } = error.extensions as { code?: unknown; http?: { status?: unknown } };
  if (typeof code !== 'string' || typeof http?.status !== 'number') return null;
  return { status: http.status, code, message: error.message };
}

interface Answer {
  status: number;
  code: string;
  message: string;
}

/** The body parser's refusal (too large, not JSON), or anything else as an internal error. */
function readingFailure(error: unknown, config: Config): Answer {
  const { status, expose, message } = (error ?? {}) as HttpError;
  if (status === 413) {
    return {
      status,
      code: 'PAYLOAD_TOO_LARGE',
      message: config.edge.exposeLimits
        ? `The request body is larger than the limit of ${config.requestBodyLimitBytes} bytes`
        : 'The request body is too large',
    };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      code: 'BAD_REQUEST',
      message:
        expose === true && typeof message === 'string' ? message : 'The request could not be read',
    };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

/**
 * Errors raised before Apollo sees a request (a body over the size limit, JSON that does not parse,
 * a partner refused at the edge) answered as a GraphQL response with a code and the request id, so
 * a client reads every refusal the same way instead of Express's HTML page.
 */
export function graphqlHttpErrors(options: {
  config: Config;
  log: Logger;
  /** Counts the refusal in the errors-by-code metric, as Apollo's own errors are. */
  countError?: (code: string) => void;
}) {
  const { config } = options;
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const answer = edgeRefusal(error) ?? readingFailure(error, config);
    options.countError?.(answer.code);
    if (answer.status >= 500) {
      options.log
        .child({ requestId: requestIdOf(res) })
        .error({ err: error }, 'request failed before GraphQL');
    }
    // As Apollo Server answers: JSON, unless the client prefers the GraphQL-over-HTTP media type,
    // whose GraphQL clients (Apollo Client's) then read the error's code, not only the status.
    const type = req.accepts(['application/json', 'application/graphql-response+json']);
    res
      .status(answer.status)
      .type(type || 'application/json')
      .send(
        JSON.stringify({
          errors: [
            {
              message: answer.message,
              extensions: { code: answer.code, requestId: requestIdOf(res) },
            },
          ],
        }),
      );
  };
}
