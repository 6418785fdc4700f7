import type { AgentProfile } from '../../desk/entities/AgentProfile';
import type { Ticket } from '../../desk/entities/Ticket';
import type { Random } from '../../../shared/seed/random';
import type { ProfileName, Staff } from '../../desk/seed/staff';
import type { ProfilePermission } from '../entities/ProfilePermission';
import { ENABLED_AT } from './organizations';

type Levels = Pick<ProfilePermission, 'view' | 'salesOrders' | 'invoices' | 'createContacts'>;

/**
 * INV-5 levels of desk's profiles. Light agents have no row, which hides the integration from
 * them; administrators need none because they may do everything.
 */
const PROFILE_LEVELS: Partial<Record<ProfileName, Levels>> = {
  Agent: {
    view: true,
    salesOrders: 'VIEW_SEND_CREATE_EDIT',
    invoices: 'VIEW_SEND_CREATE_EDIT',
    createContacts: true,
  },
  'New agent': { view: true, salesOrders: 'VIEW', invoices: 'VIEW', createContacts: false },
};

export function generatePermissions(profiles: readonly AgentProfile[]): ProfilePermission[] {
  return profiles.flatMap((profile): ProfilePermission[] => {
    const levels = PROFILE_LEVELS[profile.name as ProfileName];
    return levels ? [{ profileId: profile.id, ...levels, updatedAt: ENABLED_AT }] : [];
  });
}

/** The agents who may have created a sales order or invoice, by e-mail. */
export interface Creators {
  emails: readonly string[];
  emailByAgentId: ReadonlyMap<string, string>;
}

/** Active administrators and agents whose profile may create both kinds of document. */
export function documentCreators(staff: Staff): Creators {
  const allowed = new Set(
    staff.profiles
      .filter((profile) => {
        const levels = PROFILE_LEVELS[profile.name as ProfileName];
        return (
          profile.isAdministrator ||
          (levels?.salesOrders === 'VIEW_SEND_CREATE_EDIT' &&
            levels.invoices === 'VIEW_SEND_CREATE_EDIT')
        );
      })
      .map((profile) => profile.id),
  );
  const creators = staff.agents.filter((agent) => agent.active && allowed.has(agent.profileId));
  return {
    emails: creators.map((agent) => agent.email),
    emailByAgentId: new Map(creators.map((agent) => [agent.id, agent.email])),
  };
}

/** Whoever works the ticket creates its documents when allowed to; anyone allowed otherwise. */
export function creatorOf(random: Random, creators: Creators, ticket: Ticket | null): string {
  const assignee = ticket?.assigneeId ? creators.emailByAgentId.get(ticket.assigneeId) : undefined;
  return assignee ?? random.pick(creators.emails);
}
