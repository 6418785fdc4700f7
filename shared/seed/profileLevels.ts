import type { AgentProfile } from '../../subgraphs/desk/entities/AgentProfile';
import type { Ticket } from '../../subgraphs/desk/entities/Ticket';
import type { ProfileName, Staff } from '../../subgraphs/desk/seed/staff';
import type { Random } from './random';

/*
 * Integration subgraphs key their permission levels by desk's profiles; their demo data gives the
 * demo profiles levels and has documents created by agents whose profile allows it.
 */

/**
 * One row per demo profile that has levels. Profiles without (light agents) have none, which hides
 * the integration from them; administrators need none because they may do everything.
 */
export function profileLevelRows<L extends object>(
  profiles: readonly AgentProfile[],
  levels: Partial<Record<ProfileName, L>>,
  updatedAt: Date,
): (L & { profileId: string; updatedAt: Date })[] {
  return profiles.flatMap((profile) => {
    const own = levels[profile.name as ProfileName];
    return own ? [{ profileId: profile.id, ...own, updatedAt }] : [];
  });
}

/** The agents who may have created a kind of document, by e-mail. */
export interface Creators {
  emails: readonly string[];
  emailByAgentId: ReadonlyMap<string, string>;
}

/** Active administrators, and active agents whose profile's levels allow creating. */
export function creatorsAllowed<L>(
  staff: Staff,
  levels: Partial<Record<ProfileName, L>>,
  mayCreate: (levels: L) => boolean,
): Creators {
  const allowed = new Set(
    staff.profiles
      .filter((profile) => {
        const own = levels[profile.name as ProfileName];
        return profile.isAdministrator || (own !== undefined && mayCreate(own));
      })
      .map((profile) => profile.id),
  );
  const creators = staff.agents.filter((agent) => agent.active && allowed.has(agent.profileId));
  return {
    emails: creators.map((agent) => agent.email),
    emailByAgentId: new Map(creators.map((agent) => [agent.id, agent.email])),
  };
}

/** Whoever works the ticket creates its document when allowed to; anyone allowed otherwise. */
export function creatorOf(random: Random, creators: Creators, ticket: Ticket | null): string {
  const assignee = ticket?.assigneeId ? creators.emailByAgentId.get(ticket.assigneeId) : undefined;
  return assignee ?? random.pick(creators.emails);
}
