import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';
import { config } from './config';

const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers["x-api-key"]',
  'apiKey',
  'req.headers["x-customer-graph-identity"]',
  'token',
];

let root: Logger | undefined;

function createRoot(): Logger {
  const { logLevel, logFormat } = config();
  const options = { level: logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (logFormat === 'pretty') {
    return pino(
      options,
      pretty({ sync: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' }),
    );
  }
  return pino(options);
}

/** One logger per service name; tokens and signed identities never reach the log. */
export function logger(service: string): Logger {
  root ??= createRoot();
  return root.child({ service });
}

export type { Logger };
