import type { DataSource } from 'typeorm';
import { logger } from '../shared/logger';
import { isUuid } from '../shared/loaders';
import { AgentProfile, Partner } from '../subgraphs/desk/entities';
import {
  createPartner,
  type IssuedPartnerKey,
  listPartners,
  revokePartner,
  rotatePartnerKey,
} from '../subgraphs/desk/services/partners';
import { argument, positionalArguments } from './args';
import { withDesk } from './platform';

const USAGE = `usage: npm run partner -- <command>
  create --name <name> --profile <profile name or id> [--rate-limit <requests per minute>]
  list
  revoke <partner id or name>
  rotate <partner id or name>`;

const COMMANDS = ['create', 'list', 'revoke', 'rotate'];

/** A mistake on the command line: told with the usage, and exit code 2. */
class UsageError extends Error {}

function required(name: string): string {
  const value = argument(name);
  if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} is missing`);
  return value;
}

function rateLimitArgument(): number | null {
  const raw = argument('rate-limit');
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw)) {
    throw new UsageError(
      `--rate-limit must be a whole number of requests per minute, got "${raw}"`,
    );
  }
  return Number(raw);
}

/** Operators name things; ids work too. Names are unique regardless of case, for both. */
async function findByIdOrName<T extends AgentProfile | Partner>(
  desk: DataSource,
  entity: new () => T,
  what: string,
  idOrName: string,
): Promise<T> {
  const query = desk.getRepository(entity).createQueryBuilder('row');
  const found = await (
    isUuid(idOrName)
      ? query.where('row.id = :idOrName', { idOrName })
      : query.where('lower(row.name) = lower(:idOrName)', { idOrName })
  ).getOne();
  if (!found) throw new Error(`No ${what} has the id or name "${idOrName}"`);
  return found;
}

/** The key alone on standard output, so that `KEY=$(npm run --silent partner -- create …)` works. */
function printIssued(issued: IssuedPartnerKey, done: string): void {
  const { partner, apiKey } = issued;
  console.error(
    `${done} partner "${partner.name}" (${partner.id}). Its API key, shown only now ` +
      '(send it as the x-api-key header):',
  );
  console.log(apiKey);
}

async function list(desk: DataSource): Promise<void> {
  const partners = await listPartners(desk);
  const profiles = new Map(
    (await desk.getRepository(AgentProfile).find()).map((profile) => [profile.id, profile.name]),
  );
  console.table(
    partners.map((partner) => ({
      id: partner.id,
      name: partner.name,
      profile: profiles.get(partner.profileId) ?? partner.profileId,
      key: `${partner.keyPrefix}…`,
      'rate limit / min': partner.rateLimitPerMinute ?? 'default',
      created: partner.createdAt.toISOString(),
      revoked: partner.revokedAt?.toISOString() ?? '',
    })),
  );
}

async function run(desk: DataSource, command: string, target?: string): Promise<void> {
  const partner = () => {
    if (!target) throw new UsageError(`${command} needs a partner id or name`);
    return findByIdOrName(desk, Partner, 'partner', target);
  };
  switch (command) {
    case 'create': {
      const name = required('name');
      const rateLimitPerMinute = rateLimitArgument();
      const profile = await findByIdOrName(desk, AgentProfile, 'profile', required('profile'));
      // No agent made it: the partner's createdBy stays empty, as the README says.
      printIssued(
        await createPartner(desk, { name, profileId: profile.id, rateLimitPerMinute }, null),
        'Created',
      );
      return;
    }
    case 'list':
      return list(desk);
    case 'revoke': {
      const revoked = await revokePartner(desk, (await partner()).id);
      console.log(
        `Revoked partner "${revoked.name}" (${revoked.id}) at ${revoked.revokedAt?.toISOString()}`,
      );
      return;
    }
    case 'rotate':
      printIssued(await rotatePartnerKey(desk, (await partner()).id), 'Rotated the key of');
      return;
  }
}

/** `npm run partner -- create|list|revoke|rotate`: partner applications, as an operator. */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const [command, target] = positionalArguments();
  // Refused before PostgreSQL is started or migrated, which takes seconds.
  if (!command || !COMMANDS.includes(command)) {
    throw new UsageError(command ? `Unknown command "${command}"` : 'A command is missing');
  }
  await withDesk(logger('partner'), (desk) => run(desk, command, target));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(error instanceof UsageError ? 2 : 1);
});
