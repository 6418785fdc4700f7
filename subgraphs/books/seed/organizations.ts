import { day } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import type { Organization, OrganizationAdmin } from '../../../shared/integration/entities';
import { DEMO_AGENTS } from '../../desk/seed/staff';
import { hashServiceKey, normalizeEmail } from '../domain/serviceKey';
import type { Connection } from '../entities/Connection';
import type { ServiceKey } from '../entities/ServiceKey';
import type { ServiceKeyOrganization } from '../entities/ServiceKeyOrganization';

/** The organization the demo is connected to, where nearly everything happens. */
export const BOOKS_ORGANIZATION = 'Aozora Books';
/** A second organization the demo key reaches, so BKS-2 has a choice to offer. */
export const LABS_ORGANIZATION = 'Aozora Invoice Labs';

/**
 * The demo administrator's service key, for tests and the README: connectBooks takes it with
 * DEMO_SERVICE_KEY_EMAIL. Only its hash is stored. It reaches both organizations.
 */
export const DEMO_SERVICE_KEY = 'demo-books-service-key-0001';
export const DEMO_SERVICE_KEY_EMAIL = DEMO_AGENTS[0].email;
/**
 * A second key, the demo agent's, reaching only the connected organization: a valid key that is
 * refused with the administrator's address, and one that offers a single organization.
 */
export const AGENT_SERVICE_KEY = 'demo-books-service-key-0002';
export const AGENT_SERVICE_KEY_EMAIL = DEMO_AGENTS[1].email;

/** When the demo administrator connected books and chose the organization and process rule. */
export const CONNECTED_AT = day(39);
/**
 * The one contact sync run so far: every desk account that existed then (about 60%: accounts
 * were created over desk's first two months) became, or was matched to, a books contact.
 * Accounts created later wait for the next run.
 */
export const CONTACT_SYNC_AT = day(40);

export interface Organizations {
  books: Organization;
  labs: Organization;
  admins: OrganizationAdmin[];
  serviceKeys: ServiceKey[];
  serviceKeyOrganizations: ServiceKeyOrganization[];
  /** What the connection row the migration created becomes. */
  connection: Omit<Connection, 'id'>;
}

export function generateOrganizations(random: Random): Organizations {
  const [admin, agent] = DEMO_AGENTS;
  const books: Organization = {
    id: random.uuid(),
    name: BOOKS_ORGANIZATION,
    currency: 'JPY',
    createdAt: new Date('2024-04-01T00:30:00Z'),
  };
  const labs: Organization = {
    id: random.uuid(),
    name: LABS_ORGANIZATION,
    currency: 'USD',
    createdAt: new Date('2025-09-01T02:00:00Z'),
  };
  const adminKey: ServiceKey = {
    id: random.uuid(),
    email: normalizeEmail(DEMO_SERVICE_KEY_EMAIL),
    keyHash: hashServiceKey(DEMO_SERVICE_KEY),
    createdAt: day(38),
  };
  const agentKey: ServiceKey = {
    id: random.uuid(),
    email: normalizeEmail(AGENT_SERVICE_KEY_EMAIL),
    keyHash: hashServiceKey(AGENT_SERVICE_KEY),
    createdAt: day(120),
  };
  return {
    books,
    labs,
    // A key reaches what its owner administers in books.
    admins: [
      { organizationId: books.id, email: admin.email },
      { organizationId: books.id, email: agent.email },
      { organizationId: labs.id, email: admin.email },
    ],
    serviceKeys: [adminKey, agentKey],
    serviceKeyOrganizations: [
      { serviceKeyId: adminKey.id, organizationId: books.id },
      { serviceKeyId: adminKey.id, organizationId: labs.id },
      { serviceKeyId: agentKey.id, organizationId: books.id },
    ],
    connection: {
      status: 'ENABLED',
      edition: 'BOOKS',
      connectedEmail: adminKey.email,
      serviceKeyId: adminKey.id,
      organizationId: books.id,
      processRule: 'ESTIMATES',
      changedBy: admin.email,
      changedAt: CONNECTED_AT,
    },
  };
}
