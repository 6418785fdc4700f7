import { day } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import { DEMO_AGENTS } from '../../desk/seed/staff';
import type {
  Integration,
  Organization,
  OrganizationAdmin,
} from '../../../shared/integration/entities';
import type { Currency } from './money';

/** An organization with its currency narrowed to the ones the demo formats amounts in. */
export interface DemoOrganization extends Organization {
  currency: Currency;
}

export interface Organizations {
  /** The organization the integration is enabled with, where nearly everything happens. */
  trading: DemoOrganization;
  /** A second organization of the demo administrator, so INV-2 has a choice to offer. */
  wholesale: DemoOrganization;
  admins: OrganizationAdmin[];
  /** What the integration row the migration created becomes. */
  integration: Omit<Integration, 'id'>;
}

/** When the demo administrator enabled the integration, before any customer was mapped. */
export const ENABLED_AT = day(2);

export function generateOrganizations(random: Random): Organizations {
  const [admin, agent] = DEMO_AGENTS;
  const trading: DemoOrganization = {
    id: random.uuid(),
    name: 'Aozora Trading',
    currency: 'JPY',
    createdAt: day(0),
  };
  const wholesale: DemoOrganization = {
    id: random.uuid(),
    name: 'Aozora Wholesale',
    currency: 'USD',
    createdAt: day(1),
  };
  return {
    trading,
    wholesale,
    admins: [
      { organizationId: trading.id, email: admin.email },
      { organizationId: trading.id, email: agent.email },
      { organizationId: wholesale.id, email: admin.email },
    ],
    integration: {
      status: 'ENABLED',
      organizationId: trading.id,
      changedBy: admin.email,
      changedAt: ENABLED_AT,
    },
  };
}
