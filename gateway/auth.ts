import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../shared/config';
import { unauthenticated } from '../shared/errors';
import { AgentIdentity, IdentityError, verifyAgentToken } from '../shared/identity';

/** Agents present `Authorization: Bearer <JWT>`; anything else is refused with 401. */
export function authenticate(headers: IncomingHttpHeaders, auth: Config['auth']): AgentIdentity {
  const header = headers.authorization;
  if (!header) throw unauthenticated('Missing Authorization header (Bearer <token>)');
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw unauthenticated('Authorization header must be "Bearer <token>"');
  }
  try {
    return verifyAgentToken(token, auth);
  } catch (error) {
    const reason = error instanceof IdentityError ? error.message : 'invalid token';
    throw unauthenticated(`Invalid token: ${reason}`);
  }
}
