import type { AgentProfile } from '../../desk/entities/AgentProfile';
import type { Ticket } from '../../desk/entities/Ticket';
import type { ProfileName, Staff } from '../../desk/seed/staff';
import type { Random } from '../../../shared/seed/random';
import type { ProfilePermission } from '../entities/ProfilePermission';
import { ENABLED_AT } from './organizations';

type Levels = Pick<ProfilePermission, 'view' | 'createCustomers' | 'createInvoices'>;

/**
 * Billing levels of desk's profiles. Light agents have no row, which hides the integration from
 * them; administrators need none because they may do everything.
 */
const PROFILE_LEVELS: Partial<Record<ProfileName, Levels>> = {
  Agent: { view: true, createCustomers: true, createInvoices: true },
  'New agent': { view: true, createCustomers: false, createInvoices: false },
};

export function generatePermissions(profiles: readonly AgentProfile[]): ProfilePermission[] {
  return profiles.flatMap((profile): ProfilePermission[] => {
    const levels = PROFILE_LEVELS[profile.name as ProfileName];
    return levels ? [{ profileId: profile.id, ...levels, updatedAt: ENABLED_AT }] : [];
  });
}

/** The agents who may have created an invoice from a ticket, by e-mail. */
export interface Creators {
  emails: readonly string[];
  emailByAgentId: ReadonlyMap<string, string>;
}

/** Active administrators, and active agents whose profile may create invoices. */
export function invoiceCreators(staff: Staff): Creators {
  const allowed = new Set(
    staff.profiles
      .filter(
        (profile) =>
          profile.isAdministrator || PROFILE_LEVELS[profile.name as ProfileName]?.createInvoices,
      )
      .map((profile) => profile.id),
  );
  const creators = staff.agents.filter((agent) => agent.active && allowed.has(agent.profileId));
  return {
    emails: creators.map((agent) => agent.email),
    emailByAgentId: new Map(creators.map((agent) => [agent.id, agent.email])),
  };
}

/** Whoever works the ticket creates its invoice when allowed to; anyone allowed otherwise. */
export function creatorOf(random: Random, creators: Creators, ticket: Ticket): string {
  const assignee = ticket.assigneeId ? creators.emailByAgentId.get(ticket.assigneeId) : undefined;
  return assignee ?? random.pick(creators.emails);
}
