import type { Config } from '../shared/config';
import { unauthenticated } from '../shared/errors';
import type { PartnerIdentity } from '../shared/identity';
import { ShortLivedAnswers } from '../shared/shortLivedAnswers';
import { subgraphClient } from '../shared/subgraphClient';
import { sha256 } from './persistedQueryList';

/** A partner as the gateway needs it: who to forward, and how many requests it may make. */
export interface AuthenticatedPartner {
  identity: PartnerIdentity;
  /** Requests a minute; null for the configured default. */
  rateLimitPerMinute: number | null;
}

interface CredentialAnswer {
  partnerCredential: {
    partnerId: string;
    name: string;
    profileId: string;
    rateLimitPerMinute: number | null;
  } | null;
}

const PARTNER_CREDENTIAL = /* GraphQL */ `
  query GatewayPartnerCredential($keyHash: String!) {
    partnerCredential(keyHash: $keyHash) {
      partnerId
      name
      profileId
      rateLimitPerMinute
    }
  }
`;

/**
 * Desk owns partners and keeps only their keys' hashes; the gateway asks desk's API (as the
 * service `gateway`) which partner, if any, a key's hash belongs to, and keeps the answer for
 * `keyCacheSeconds`, unknown keys included, so a flood of bad keys does not become a flood of
 * desk calls. A revoked key therefore works for at most that long.
 */
export class PartnerDirectory {
  private readonly answers: ShortLivedAnswers<AuthenticatedPartner | null>;

  constructor(
    private readonly options: {
      deskUrl: string;
      auth: Config['auth'];
      cacheSeconds: number;
      timeoutMs: number;
    },
  ) {
    this.answers = new ShortLivedAnswers(options.cacheSeconds);
  }

  /** The partner the key belongs to; UNAUTHENTICATED for an unknown or revoked key. */
  async authenticate(apiKey: string): Promise<AuthenticatedPartner> {
    const partner = await this.lookup(sha256(apiKey));
    if (!partner) throw unauthenticated('The API key is not known or has been revoked');
    return partner;
  }

  private lookup(keyHash: string): Promise<AuthenticatedPartner | null> {
    return this.answers.get(keyHash, () => this.ask(keyHash));
  }

  private async ask(keyHash: string): Promise<AuthenticatedPartner | null> {
    const desk = subgraphClient({
      target: 'desk',
      url: this.options.deskUrl,
      identity: { kind: 'service', service: 'gateway' },
      auth: this.options.auth,
      timeoutMs: this.options.timeoutMs,
    });
    const { partnerCredential: credential } = await desk.request<CredentialAnswer>(
      PARTNER_CREDENTIAL,
      { keyHash },
    );
    if (!credential) return null;
    return {
      identity: {
        kind: 'partner',
        partnerId: credential.partnerId,
        profileId: credential.profileId,
        name: credential.name,
      },
      rateLimitPerMinute: credential.rateLimitPerMinute,
    };
  }
}
