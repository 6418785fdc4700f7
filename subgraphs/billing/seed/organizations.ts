import { day } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import type {
  Integration,
  Organization,
  OrganizationAdmin,
} from '../../../shared/integration/entities';
import { DEMO_AGENTS } from '../../desk/seed/staff';

/** The organization the integration is enabled with, where nearly everything happens. */
export const CLOUD_ORGANIZATION = 'Aozora Cloud';
/** A second organization of the demo administrator, so BIL-1 has a choice to offer. */
export const LABS_ORGANIZATION = 'Aozora Labs';

export interface Organizations {
  cloud: Organization;
  labs: Organization;
  admins: OrganizationAdmin[];
  /** What the integration row the migration created becomes. */
  integration: Omit<Integration, 'id'>;
}

/** When the demo administrator enabled the integration: billing itself is older than desk. */
export const ENABLED_AT = day(2);

export function generateOrganizations(random: Random): Organizations {
  const [admin, agent] = DEMO_AGENTS;
  const cloud: Organization = {
    id: random.uuid(),
    name: CLOUD_ORGANIZATION,
    currency: 'JPY',
    createdAt: new Date('2025-04-14T01:30:00Z'),
  };
  const labs: Organization = {
    id: random.uuid(),
    name: LABS_ORGANIZATION,
    currency: 'USD',
    createdAt: new Date('2025-10-01T03:00:00Z'),
  };
  return {
    cloud,
    labs,
    admins: [
      { organizationId: cloud.id, email: admin.email },
      { organizationId: cloud.id, email: agent.email },
      { organizationId: labs.id, email: admin.email },
    ],
    integration: {
      status: 'ENABLED',
      organizationId: cloud.id,
      changedBy: admin.email,
      changedAt: ENABLED_AT,
    },
  };
}
