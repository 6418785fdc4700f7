import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Config } from './config';

/** Header in which the gateway forwards the verified caller to subgraphs. */
export const IDENTITY_HEADER = 'x-customer-graph-identity';

const SUBGRAPH_AUDIENCE = 'customer-graph-subgraphs';
const AGENT_AUDIENCE = 'customer-graph';
/** A document link's own audience, so that its token is never accepted as a bearer token. */
const DOCUMENT_LINK_AUDIENCE = 'customer-graph-document-links';

export interface AgentIdentity {
  kind: 'agent';
  agentId: string;
  email: string;
}

/**
 * A service calling another subgraph's API for a job: on its own behalf, or for the agent who
 * asked for the work, in which case the target applies that agent's permissions.
 */
export interface ServiceIdentity {
  kind: 'service';
  service: string;
  onBehalfOf?: string;
}

/**
 * A partner application, authenticated by the gateway with its API key. It has no agent behind
 * it: what it may see and do is its agent profile's, and never an administrator's.
 */
export interface PartnerIdentity {
  kind: 'partner';
  partnerId: string;
  profileId: string;
  name: string;
}

export type Identity = AgentIdentity | ServiceIdentity | PartnerIdentity;

export class IdentityError extends Error {}

const secretKeys = new Map<string, KeyObject>();

/**
 * The secret as a key object, made once per secret. Given a string, jsonwebtoken first tries to
 * read it as a PEM key on every call and builds the secret key only after that throws, which
 * took a quarter of a subgraph's CPU under load (docs/performance.md).
 */
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

export function signAgentToken(agent: { id: string; email: string }, auth: Config['auth']): string {
  return jwt.sign({ email: agent.email }, secretKey(auth.agentJwtSecret), {
    subject: agent.id,
    issuer: auth.agentJwtIssuer,
    audience: AGENT_AUDIENCE,
    expiresIn: auth.agentTokenTtl as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
  });
}

function payloadOf(token: string, secret: string, options: jwt.VerifyOptions): jwt.JwtPayload {
  try {
    const payload = jwt.verify(token, secretKey(secret), { ...options, algorithms: ['HS256'] });
    if (typeof payload === 'string') throw new IdentityError('token payload must be an object');
    return payload;
  } catch (error) {
    if (error instanceof IdentityError) throw error;
    throw new IdentityError((error as Error).message);
  }
}

export function verifyAgentToken(token: string, auth: Config['auth']): AgentIdentity {
  const payload = payloadOf(token, auth.agentJwtSecret, {
    issuer: auth.agentJwtIssuer,
    audience: AGENT_AUDIENCE,
  });
  if (typeof payload.sub !== 'string' || typeof payload.email !== 'string') {
    throw new IdentityError('token lacks subject or email');
  }
  return { kind: 'agent', agentId: payload.sub, email: payload.email };
}

/** Signs the identity the gateway forwards; short-lived because it only has to cover one request. */
export function signForwardedIdentity(identity: Identity, auth: Config['auth']): string {
  return jwt.sign({ identity }, secretKey(auth.subgraphSecret), {
    audience: SUBGRAPH_AUDIENCE,
    expiresIn: auth.subgraphIdentityTtlSeconds,
    algorithm: 'HS256',
  });
}

export function verifyForwardedIdentity(header: string, auth: Config['auth']): Identity {
  const payload = payloadOf(header, auth.subgraphSecret, { audience: SUBGRAPH_AUDIENCE });
  const identity = payload.identity as Partial<Identity> | undefined;
  if (identity?.kind === 'agent' && typeof identity.agentId === 'string') {
    return { kind: 'agent', agentId: identity.agentId, email: String(identity.email) };
  }
  if (identity?.kind === 'service' && typeof identity.service === 'string') {
    const onBehalfOf = typeof identity.onBehalfOf === 'string' ? identity.onBehalfOf : undefined;
    return onBehalfOf
      ? { kind: 'service', service: identity.service, onBehalfOf }
      : { kind: 'service', service: identity.service };
  }
  if (
    identity?.kind === 'partner' &&
    typeof identity.partnerId === 'string' &&
    typeof identity.profileId === 'string' &&
    typeof identity.name === 'string'
  ) {
    return {
      kind: 'partner',
      partnerId: identity.partnerId,
      profileId: identity.profileId,
      name: identity.name,
    };
  }
  throw new IdentityError('forwarded identity is malformed');
}

/** What a document link's token grants: one agent, one document, until it expires. */
export interface DocumentLinkGrant {
  agent: AgentIdentity;
  documentId: string;
}

/**
 * The token of a link a browser opens without an Authorization header (a books PDF). Signed with
 * the agent JWT secret, like the agent's own token, as it stands in for it; bound to one document
 * and short-lived, because a URL ends up in browser history and server logs.
 */
export function signDocumentLinkToken(
  grant: DocumentLinkGrant,
  auth: Config['auth'],
  ttlSeconds = auth.pdfLinkTtlSeconds,
): string {
  return jwt.sign(
    { email: grant.agent.email, doc: grant.documentId },
    secretKey(auth.agentJwtSecret),
    {
      subject: grant.agent.agentId,
      issuer: auth.agentJwtIssuer,
      audience: DOCUMENT_LINK_AUDIENCE,
      expiresIn: ttlSeconds,
      algorithm: 'HS256',
    },
  );
}

export function verifyDocumentLinkToken(token: string, auth: Config['auth']): DocumentLinkGrant {
  const payload = payloadOf(token, auth.agentJwtSecret, {
    issuer: auth.agentJwtIssuer,
    audience: DOCUMENT_LINK_AUDIENCE,
  });
  if (
    typeof payload.sub !== 'string' ||
    typeof payload.email !== 'string' ||
    typeof payload.doc !== 'string'
  ) {
    throw new IdentityError('link token lacks subject, email or document');
  }
  return {
    agent: { kind: 'agent', agentId: payload.sub, email: payload.email },
    documentId: payload.doc,
  };
}
