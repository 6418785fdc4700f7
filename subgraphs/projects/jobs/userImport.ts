import type { EntityManager } from 'typeorm';
import type { Config } from '../../../shared/config';
import type { ChunkOutcome, SyncFailureInput, SyncRunRecord } from '../../../shared/jobs/syncRuns';
import type { SyncKind } from '../../../shared/jobs/syncWorker';
import type { SubgraphClient } from '../../../shared/subgraphClient';
import { ProjectsUser } from '../entities';
import type { UserKind } from '../entities/ProjectsUser';
import { deskAsProjects } from '../services/desk';

/** A run's kind is its ProjectsSyncKind as is: projectSyncRuns(kind) filters on it. */
export const INTERNAL_USER_IMPORT = 'INTERNAL_USER_IMPORT';
export const CLIENT_USER_IMPORT = 'CLIENT_USER_IMPORT';

/** The scope of INTERNAL imports: there is one desk, so one such import at a time. */
export const INTERNAL_SCOPE = 'desk-agents';

/**
 * What a run was started with. CLIENT: the client and the desk account it was linked to then, so
 * that a later change of the link applies to the next run, not halfway through this one.
 */
export interface UserImportInput {
  clientId: string | null;
  deskAccountId: string | null;
}

/** Desk's cursor of the list being read; null before the first page. */
interface Checkpoint {
  after: string | null;
}

/** A desk agent or contact as the import sees it. */
export interface DeskPerson {
  deskId: string;
  /** The record in desk's words, unique within the run: a failure is reported under it. */
  label: string;
  name: string;
  email: string;
  active: boolean;
}

interface DeskPage {
  people: DeskPerson[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Who the users are imported as: their kind and, CLIENT, their client. */
export interface ImportTarget {
  kind: UserKind;
  clientId: string | null;
}

export type KnownUser = Pick<
  ProjectsUser,
  'id' | 'kind' | 'name' | 'email' | 'deskAgentId' | 'deskContactId' | 'clientId' | 'active'
>;

/** The columns an import sets from desk. */
export interface ImportedValues {
  name: string;
  email: string;
  active: boolean;
  clientId: string | null;
}

export interface ChunkPlan {
  inserts: (ImportedValues & { deskId: string })[];
  updates: { id: string; values: ImportedValues }[];
  /**
   * Users desk still has whose values are already right, or whose record failed: only their
   * imported_at moves, so that the end of the run does not take them for gone.
   */
  seen: string[];
  /** Users already as desk has them. */
  unchanged: number;
  failures: SyncFailureInput[];
}

/** The table's CHECK wants a lower-case, trimmed address with something either side of an @. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const deskIdOf = (user: KnownUser, kind: UserKind): string | null =>
  kind === 'INTERNAL' ? user.deskAgentId : user.deskContactId;

function holderOf(user: KnownUser): string {
  if (user.deskAgentId) return `${user.name}, the user of another desk agent`;
  if (user.deskContactId) return `${user.name}, the user of another desk contact`;
  return `${user.name}, a user made in projects`;
}

/**
 * What one page of desk's people does to the projects users: a user per desk record, matched by
 * its desk id; e-mails stay unique, so a person whose address another user has is a failure, as is
 * one without a name or an address. A CLIENT user still active in another client (a contact of
 * both accounts) stays there, reported; an inactive one, gone from the other client's account,
 * moves to this client.
 */
export function planChunk(
  people: readonly DeskPerson[],
  target: ImportTarget,
  known: readonly KnownUser[],
): ChunkPlan {
  const plan: ChunkPlan = { inserts: [], updates: [], seen: [], unchanged: 0, failures: [] };
  const byDeskId = new Map<string, KnownUser>();
  for (const user of known) {
    const deskId = deskIdOf(user, target.kind);
    if (deskId) byDeskId.set(deskId, user);
  }
  const byEmail = new Map(known.map((user) => [user.email, user]));
  for (const person of people) {
    const user = byDeskId.get(person.deskId);
    const fail = (reason: string) => {
      plan.failures.push({ record: person.label, reason });
      if (user) plan.seen.push(user.id);
    };
    const name = person.name.trim();
    const email = person.email.trim().toLowerCase();
    if (!EMAIL.test(email)) {
      fail('has no e-mail address a project user can have');
      continue;
    }
    if (!name) {
      fail('has no name');
      continue;
    }
    const holder = byEmail.get(email);
    if (holder && holder.id !== user?.id) {
      fail(`the e-mail ${email} is already used by project user ${holderOf(holder)}`);
      continue;
    }
    if (user && user.clientId !== target.clientId && user.active) {
      fail('is already an active user of another client');
      continue;
    }
    const values: ImportedValues = {
      name,
      email,
      active: person.active,
      clientId: target.clientId,
    };
    const placed: KnownUser = {
      id: user?.id ?? `new ${person.deskId}`,
      kind: target.kind,
      deskAgentId: target.kind === 'INTERNAL' ? person.deskId : null,
      deskContactId: target.kind === 'CLIENT' ? person.deskId : null,
      ...values,
    };
    if (!user) {
      plan.inserts.push({ ...values, deskId: person.deskId });
    } else if (
      user.name === name &&
      user.email === email &&
      user.active === values.active &&
      user.clientId === values.clientId
    ) {
      plan.seen.push(user.id);
      plan.unchanged += 1;
    } else {
      plan.updates.push({ id: user.id, values });
      byEmail.delete(user.email);
    }
    // Later people of the page meet this address as taken.
    byEmail.set(email, placed);
  }
  return plan;
}

async function agentsPage(
  desk: SubgraphClient,
  after: string | null,
  size: number,
): Promise<DeskPage> {
  const { agents } = await desk.request<{
    agents: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { id: string; name: string; email: string; active: boolean }[];
    };
  }>(
    `query ProjectsImportAgents($first: Int, $after: String) {
      agents(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor } nodes { id name email active }
      }
    }`,
    { first: size, after },
  );
  return {
    people: agents.nodes.map((agent) => ({
      deskId: agent.id,
      label: `desk agent ${agent.name} (${agent.id})`,
      name: agent.name,
      email: agent.email,
      active: agent.active,
    })),
    ...agents.pageInfo,
  };
}

async function contactsPage(
  desk: SubgraphClient,
  accountId: string,
  after: string | null,
  size: number,
): Promise<DeskPage> {
  const { account } = await desk.request<{
    account: {
      contacts: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { contact: { id: string; name: string; email: string } }[];
      };
    } | null;
  }>(
    `query ProjectsImportContacts($accountId: ID!, $first: Int, $after: String) {
      account(id: $accountId) {
        contacts(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor } nodes { contact { id name email } }
        }
      }
    }`,
    { accountId, first: size, after },
  );
  // Not a record's failure: without the account there is nothing to import, and deactivating
  // every user of the client on that ground would be a guess. The run fails with this.
  if (!account) throw new Error(`desk has no account ${accountId}: the client's link is stale`);
  return {
    // Desk contacts have no active flag: a contact of the account is an active user.
    people: account.contacts.nodes.map(({ contact }) => ({
      deskId: contact.id,
      label: `desk contact ${contact.name} (${contact.id})`,
      name: contact.name,
      email: contact.email,
      active: true,
    })),
    ...account.contacts.pageInfo,
  };
}

/** The users of this kind (and client) that a page's people are, or whose addresses they have. */
async function knownUsers(
  manager: EntityManager,
  target: ImportTarget,
  people: readonly DeskPerson[],
): Promise<KnownUser[]> {
  if (people.length === 0) return [];
  const deskColumn = target.kind === 'INTERNAL' ? 'user.desk_agent_id' : 'user.desk_contact_id';
  return manager
    .getRepository(ProjectsUser)
    .createQueryBuilder('user')
    .where(`${deskColumn} = ANY(:deskIds)`, { deskIds: people.map((person) => person.deskId) })
    .orWhere('user.email = ANY(:emails)', {
      emails: people.map((person) => person.email.trim().toLowerCase()),
    })
    .getMany();
}

async function apply(manager: EntityManager, target: ImportTarget, plan: ChunkPlan): Promise<void> {
  // The database's clock, not this process's: the end of the run compares it with queued_at.
  const now = () => 'now()';
  const users = manager.getRepository(ProjectsUser);
  // Updates first, in page order: an address one of them gives up may be the next one's.
  for (const { id, values } of plan.updates) {
    await users
      .createQueryBuilder()
      .update()
      .set({ ...values, importedAt: now })
      .where('id = :id', { id })
      .execute();
  }
  if (plan.inserts.length > 0) {
    await users
      .createQueryBuilder()
      .insert()
      .values(
        plan.inserts.map(({ deskId, ...values }) => ({
          ...values,
          kind: target.kind,
          deskAgentId: target.kind === 'INTERNAL' ? deskId : null,
          deskContactId: target.kind === 'CLIENT' ? deskId : null,
          importedAt: now,
        })),
      )
      .execute();
  }
  if (plan.seen.length > 0) {
    await users
      .createQueryBuilder()
      .update()
      .set({ importedAt: now })
      .where('id = ANY(:ids)', { ids: plan.seen })
      .execute();
  }
}

/**
 * The run has read all of desk's list: its users (of its client) that no page brought are no
 * longer in desk, and become inactive. A user a page brought has imported_at from a chunk of this
 * run, later than the run was queued; one it did not, from an earlier run, which ended before this
 * one could be queued. So the rule holds across chunks, and a redone last chunk finds the same.
 * Users made in projects (no desk record) are not desk's to deactivate.
 */
async function deactivateUnseen(
  manager: EntityManager,
  run: SyncRunRecord,
  target: ImportTarget,
): Promise<number> {
  const query = manager
    .getRepository(ProjectsUser)
    .createQueryBuilder()
    .update()
    .set({ active: false })
    .where('kind = :kind', { kind: target.kind })
    .andWhere('active')
    .andWhere(
      `(imported_at IS NULL
        OR imported_at < (SELECT queued_at FROM projects.sync_run WHERE id = :runId))`,
      { runId: run.id },
    );
  if (target.kind === 'INTERNAL') query.andWhere('desk_agent_id IS NOT NULL');
  else {
    query
      .andWhere('desk_contact_id IS NOT NULL')
      .andWhere('client_id = :clientId', { clientId: target.clientId });
  }
  const { affected } = await query.execute();
  return affected ?? 0;
}

async function importChunk(
  manager: EntityManager,
  run: SyncRunRecord,
  batchSize: number,
  config: Config,
  target: ImportTarget,
): Promise<ChunkOutcome> {
  const input = run.input as unknown as UserImportInput;
  const { after } = (run.checkpoint as Checkpoint | null) ?? { after: null };
  // On behalf of the agent who started the run: desk shows what that agent may see.
  const desk = deskAsProjects(config, run.requestedBy);
  const size = Math.min(batchSize, config.pagination.maxPageSize);
  const page =
    target.kind === 'INTERNAL'
      ? await agentsPage(desk, after, size)
      : await contactsPage(desk, input.deskAccountId as string, after, size);
  const plan = planChunk(page.people, target, await knownUsers(manager, target, page.people));
  await apply(manager, target, plan);
  const done = !page.hasNextPage;
  const checkpoint: Checkpoint = { after: page.endCursor ?? after };
  return {
    processed: page.people.length,
    added: plan.inserts.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    // Deactivated, not removed: "deleted" is the count of records the source no longer has.
    deleted: done ? await deactivateUnseen(manager, run, target) : 0,
    failures: plan.failures,
    checkpoint,
    done,
  };
}

/** PRJ-1: desk agents into INTERNAL users. */
export const internalUserImport: SyncKind = {
  kind: INTERNAL_USER_IMPORT,
  processChunk: (manager, run, batchSize, config) =>
    importChunk(manager, run, batchSize, config, { kind: 'INTERNAL', clientId: null }),
};

/** PRJ-1: the contacts of a client's linked desk account into CLIENT users of that client. */
export const clientUserImport: SyncKind = {
  kind: CLIENT_USER_IMPORT,
  processChunk: (manager, run, batchSize, config) =>
    importChunk(manager, run, batchSize, config, {
      kind: 'CLIENT',
      clientId: (run.input as unknown as UserImportInput).clientId,
    }),
};
