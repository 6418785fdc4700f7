import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { badUserInput, conflict, notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { AgentProfile, Partner } from '../entities';
import { existingOne, isUniqueViolation, requiredText } from './validation';

/*
 * These take desk's data source rather than a request context: `npm run partner` calls them too,
 * as an operator, with no request and no agent behind it.
 */

/** Marks a string as a customer-graph partner key wherever it turns up (logs, secret scanners). */
const KEY_MARK = 'cgp_';
/** How much of a key is kept in clear: enough to tell keys apart, far too little to guess one. */
const KEY_PREFIX_LENGTH = 12;
export const MAX_RATE_LIMIT_PER_MINUTE = 100_000;
const NAME_INDEX = 'partner_name_lower_key';
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A partner with the key just made for it, which nobody can read again afterwards. */
export interface IssuedPartnerKey {
  partner: Partner;
  apiKey: string;
}

/** What the gateway needs to forward an active partner's identity, found by its key's hash. */
export interface PartnerCredential {
  partnerId: string;
  name: string;
  profileId: string;
  rateLimitPerMinute: number | null;
}

export interface CreatePartnerInput {
  name: string;
  profileId: string;
  rateLimitPerMinute?: number | null;
}

/** SHA-256 of the whole key, in hex, exactly as the gateway hashes the key it is presented. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

function newKey(): { apiKey: string; keyPrefix: string; keyHash: string } {
  const apiKey = `${KEY_MARK}${randomBytes(32).toString('base64url')}`;
  return { apiKey, keyPrefix: apiKey.slice(0, KEY_PREFIX_LENGTH), keyHash: hashApiKey(apiKey) };
}

function rateLimit(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_RATE_LIMIT_PER_MINUTE) {
    throw badUserInput(
      `rateLimitPerMinute must be a whole number from 1 to ${MAX_RATE_LIMIT_PER_MINUTE}, got ${value}`,
      { field: 'rateLimitPerMinute' },
    );
  }
  return value;
}

/** Locked, so that a revocation and a rotation of one partner take turns. */
async function lockedPartner(manager: EntityManager, id: string): Promise<Partner> {
  const partner = isUuid(id)
    ? await manager.findOne(Partner, { where: { id }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!partner) throw notFound('Partner', id);
  return partner;
}

export function createPartner(
  db: DataSource,
  input: CreatePartnerInput,
  createdByAgentId: string | null,
): Promise<IssuedPartnerKey> {
  const name = requiredText('name', input.name);
  const rateLimitPerMinute = rateLimit(input.rateLimitPerMinute);
  return db
    .transaction(async (manager) => {
      const profile = await existingOne(manager, AgentProfile, 'AgentProfile', input.profileId);
      if (profile.isAdministrator) {
        throw badUserInput(
          `Profile "${profile.name}" is an administrator profile: a partner never gets administrator powers`,
          { field: 'profileId' },
        );
      }
      const { apiKey, keyPrefix, keyHash } = newKey();
      const partner = await manager.save(
        manager.create(Partner, {
          name,
          profileId: profile.id,
          keyPrefix,
          keyHash,
          rateLimitPerMinute,
          createdByAgentId,
          revokedAt: null,
        }),
      );
      return { partner, apiKey };
    })
    .catch((error: unknown) => {
      if (
        isUniqueViolation(error) &&
        (error as { constraint?: string }).constraint === NAME_INDEX
      ) {
        throw conflict(`A partner named "${name}" already exists`, { field: 'name' });
      }
      throw error;
    });
}

/** The key stops working at once. A revoked partner stays listed, and is returned as it is. */
export function revokePartner(db: DataSource, id: string): Promise<Partner> {
  return db.transaction(async (manager) => {
    const partner = await lockedPartner(manager, id);
    if (partner.revokedAt) return partner;
    partner.revokedAt = new Date();
    return manager.save(partner);
  });
}

/** A new key for an active partner; the old one stops working at once. */
export function rotatePartnerKey(db: DataSource, id: string): Promise<IssuedPartnerKey> {
  return db.transaction(async (manager) => {
    const partner = await lockedPartner(manager, id);
    if (partner.revokedAt) {
      throw badUserInput(
        `Partner "${partner.name}" is revoked: it gets no new key (create a new partner instead)`,
        { field: 'id' },
      );
    }
    const { apiKey, keyPrefix, keyHash } = newKey();
    Object.assign(partner, { keyPrefix, keyHash });
    return { partner: await manager.save(partner), apiKey };
  });
}

/** Newest first: administrators look for the one they just made. */
export function listPartners(db: DataSource): Promise<Partner[]> {
  return db.getRepository(Partner).find({ order: { createdAt: 'DESC', id: 'DESC' } });
}

/** The active partner whose key hashes to `keyHash`; null for a revoked partner or no partner. */
export async function partnerCredential(
  db: DataSource,
  keyHash: string,
): Promise<PartnerCredential | null> {
  const hash = keyHash.toLowerCase();
  if (!SHA256_HEX.test(hash)) return null;
  const partner = await db.getRepository(Partner).findOneBy({ keyHash: hash, revokedAt: IsNull() });
  return partner
    ? {
        partnerId: partner.id,
        name: partner.name,
        profileId: partner.profileId,
        rateLimitPerMinute: partner.rateLimitPerMinute,
      }
    : null;
}
