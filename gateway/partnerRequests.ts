import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Config } from '../shared/config';
import type { AuthenticatedPartner, PartnerDirectory } from './partnerDirectory';
import { type PersistedQueryList, sha256 } from './persistedQueryList';
import type { PartnerRateLimiter } from './rateLimiter';

/** The header a partner's API key travels in; agents use `Authorization: Bearer`. */
export const API_KEY_HEADER = 'x-api-key';

/** A partner's request refused at the edge, with the HTTP status it is answered with. */
export class EdgeRefusal extends GraphQLError {
  constructor(status: number, code: string, message: string) {
    super(message, { extensions: { code, http: { status } } });
  }
}

interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } & Record<
    string,
    unknown
  >;
}

/**
 * USE-3: the operation a partner asked for, by the id of a registered one. Text may come along
 * (Apollo Client's link sends it on a retry) but must be exactly the registered body; the
 * persisted-query extension is taken off, so Apollo's automatic persisted queries never register
 * anything a partner sent.
 */
export function registeredRequest(
  body: GraphQLRequestBody,
  list: PersistedQueryList,
): GraphQLRequestBody {
  const persisted = body.extensions?.persistedQuery;
  const id = persisted?.sha256Hash;
  if (typeof id !== 'string') {
    throw new EdgeRefusal(
      400,
      'PERSISTED_QUERY_ID_REQUIRED',
      "Partners may run only registered operations: send the operation's id in extensions.persistedQuery.sha256Hash",
    );
  }
  if (persisted?.version !== 1) {
    throw new EdgeRefusal(
      400,
      'BAD_REQUEST',
      'Only version 1 of the persisted-query extension is supported',
    );
  }
  const operation = list.get(id);
  if (!operation) {
    throw new EdgeRefusal(
      400,
      'PERSISTED_QUERY_NOT_IN_LIST',
      `Operation "${id}" is not registered for partners`,
    );
  }
  if (body.query !== undefined && (typeof body.query !== 'string' || sha256(body.query) !== id)) {
    throw new EdgeRefusal(
      400,
      'PERSISTED_QUERY_HASH_MISMATCH',
      'The query text sent does not match its id; send the id alone',
    );
  }
  const { persistedQuery: _persistedQuery, ...extensions } = body.extensions ?? {};
  return { ...body, query: operation.body, operationName: operation.name, extensions };
}

/** A GET request's parameters, rewritten in its URL, which is where Apollo Server reads them. */
function rewriteGet(req: Request, list: PersistedQueryList): void {
  const url = new URL(req.url, 'http://gateway');
  const json = (name: string): unknown => {
    const raw = url.searchParams.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new EdgeRefusal(400, 'BAD_REQUEST', `The ${name} parameter is not JSON`);
    }
  };
  const body = registeredRequest(
    {
      query: url.searchParams.get('query') ?? undefined,
      extensions: json('extensions') as GraphQLRequestBody['extensions'],
    },
    list,
  );
  url.searchParams.set('query', body.query as string);
  url.searchParams.set('operationName', body.operationName as string);
  url.searchParams.set('extensions', JSON.stringify(body.extensions));
  req.url = `${url.pathname}${url.search}`;
}

function rewritePost(req: Request, list: PersistedQueryList): void {
  const body: unknown = req.body;
  if (Array.isArray(body)) {
    req.body = body.map((item) => registeredRequest(item as GraphQLRequestBody, list));
  } else if (body && typeof body === 'object') {
    req.body = registeredRequest(body as GraphQLRequestBody, list);
  } else {
    throw new EdgeRefusal(400, 'BAD_REQUEST', 'The request body must be a JSON object');
  }
}

export interface PartnerEdge {
  partners: PartnerDirectory;
  limiter: PartnerRateLimiter;
  list: PersistedQueryList;
  config: Config['partners'];
}

/** The partner a request was authenticated as by `partnerRequests`, if it came with an API key. */
export function partnerOf(res: Response): AuthenticatedPartner | undefined {
  return res.locals.partner as AuthenticatedPartner | undefined;
}

/**
 * Requests with an API key are a partner's: the key is checked, the partner's rate limit counted
 * (429 with Retry-After over it), and the body replaced by the registered operation it names.
 * Requests without one pass through untouched, to the agents' authentication.
 */
export function partnerRequests(edge: PartnerEdge): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const apiKey = req.headers[API_KEY_HEADER];
    if (apiKey === undefined) return next();
    void (async () => {
      if (req.headers.authorization !== undefined) {
        throw new EdgeRefusal(
          400,
          'BAD_REQUEST',
          `Send either an ${API_KEY_HEADER} header or an Authorization header, not both`,
        );
      }
      if (typeof apiKey !== 'string' || apiKey.trim() === '') {
        throw new EdgeRefusal(401, 'UNAUTHENTICATED', `The ${API_KEY_HEADER} header is empty`);
      }
      const partner = await edge.partners.authenticate(apiKey.trim());
      const perMinute = partner.rateLimitPerMinute ?? edge.config.defaultRateLimitPerMinute;
      const decision = await edge.limiter.consume(partner.identity.partnerId, perMinute);
      res.setHeader('RateLimit-Limit', decision.limit);
      res.setHeader('RateLimit-Remaining', decision.remaining);
      res.setHeader('RateLimit-Reset', decision.resetSeconds);
      if (!decision.allowed) {
        res.setHeader('Retry-After', decision.resetSeconds);
        throw new EdgeRefusal(
          429,
          'RATE_LIMITED',
          `Too many requests: try again in ${decision.resetSeconds} s`,
        );
      }
      if (req.method === 'GET') rewriteGet(req, edge.list);
      else rewritePost(req, edge.list);
      res.locals.partner = partner;
    })().then(() => next(), next);
  };
}
