import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../shared/config';
import type { Logger } from '../shared/logger';
import { requestIdOf } from './requestId';

/** What body-parser (through http-errors) puts on the errors it raises. */
interface HttpError {
  status?: unknown;
  expose?: unknown;
  message?: unknown;
}

/**
 * Errors raised before Apollo sees a request (a body over the size limit, JSON that does not parse)
 * answered as a GraphQL response with a code and the request id, so a client reads every refusal
 * the same way instead of Express's HTML page.
 */
export function graphqlHttpErrors(options: { config: Config; log: Logger }) {
  const { config } = options;
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, expose, message } = (error ?? {}) as HttpError;
    let answer: { status: number; code: string; message: string };
    if (status === 413) {
      answer = {
        status,
        code: 'PAYLOAD_TOO_LARGE',
        message: config.edge.exposeLimits
          ? `The request body is larger than the limit of ${config.requestBodyLimitBytes} bytes`
          : 'The request body is too large',
      };
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      answer = {
        status,
        code: 'BAD_REQUEST',
        message:
          expose === true && typeof message === 'string'
            ? message
            : 'The request could not be read',
      };
    } else {
      options.log
        .child({ requestId: requestIdOf(res) })
        .error({ err: error }, 'request failed before GraphQL');
      answer = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
    }
    res.status(answer.status).json({
      errors: [
        { message: answer.message, extensions: { code: answer.code, requestId: requestIdOf(res) } },
      ],
    });
  };
}
