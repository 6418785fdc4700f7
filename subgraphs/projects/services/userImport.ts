import { badUserInput, forbidden, notFound } from '../../../shared/errors';
import type { SyncRunRecord } from '../../../shared/jobs/syncRuns';
import { isUuid } from '../../../shared/loaders';
import { refusalsOf, type SubgraphClient } from '../../../shared/subgraphClient';
import type { ProjectsContext } from '../context';
import { Client } from '../entities';
import type { ProjectUserKind } from '../generated/resolvers';
import { projectsSyncRuns } from '../jobs';
import {
  CLIENT_USER_IMPORT,
  INTERNAL_SCOPE,
  INTERNAL_USER_IMPORT,
  type UserImportInput,
} from '../jobs/userImport';
import { actingAgentId, deskAsProjects } from './desk';

interface ImportStart {
  kind: string;
  scope: string;
  input: UserImportInput;
  /** The desk records the run will read, as desk counts them for the agent. */
  total: number;
}

/**
 * PRJ-1, SYNC-1: one import per kind (and client) may be queued or running; a second start returns
 * it with started false. The run reads desk as service `projects` on behalf of the agent who
 * started it, so the total counted here is what the run will see.
 */
export async function startProjectUserImport(
  ctx: ProjectsContext,
  kind: ProjectUserKind,
  clientId: string | null | undefined,
): Promise<{ run: SyncRunRecord; started: boolean }> {
  const agentId = actingAgentId(ctx.identity, 'import project users');
  const desk = deskAsProjects(ctx.config, agentId);
  const start =
    kind === 'INTERNAL' ? await internalStart(desk) : await clientStart(ctx, desk, clientId);
  return ctx.db.transaction(async (manager) => {
    const result = await projectsSyncRuns.start(manager, ctx.jobs, {
      kind: start.kind,
      direction: 'FROM_DESK',
      scope: start.scope,
      requestedBy: agentId,
      input: { ...start.input },
    });
    if (!result.started) return result;
    await projectsSyncRuns.setTotal(manager, result.run.id, start.total);
    return { run: { ...result.run, total: start.total }, started: true };
  });
}

async function internalStart(desk: SubgraphClient): Promise<ImportStart> {
  const { agents } = await askDesk('the agents', () =>
    desk.request<{ agents: { totalCount: number } }>(
      'query ProjectsImportAgentTotal { agents(first: 1) { totalCount } }',
    ),
  );
  return {
    kind: INTERNAL_USER_IMPORT,
    scope: INTERNAL_SCOPE,
    input: { clientId: null, deskAccountId: null },
    total: agents.totalCount,
  };
}

async function clientStart(
  ctx: ProjectsContext,
  desk: SubgraphClient,
  clientId: string | null | undefined,
): Promise<ImportStart> {
  if (!clientId) {
    throw badUserInput('clientId is required to import CLIENT users', { argument: 'clientId' });
  }
  const client = isUuid(clientId)
    ? await ctx.db.getRepository(Client).findOneBy({ id: clientId })
    : null;
  if (!client) throw notFound('ProjectClient', clientId);
  if (!client.deskAccountId) {
    throw badUserInput(
      `Client "${client.name}" is not linked to a desk account: there are no contacts to import`,
      { argument: 'clientId' },
    );
  }
  const { account } = await askDesk("the contacts of the client's desk account", () =>
    desk.request<{ account: { contacts: { totalCount: number } } | null }>(
      `query ProjectsImportContactTotal($id: ID!) {
        account(id: $id) { contacts(first: 1) { totalCount } }
      }`,
      { id: client.deskAccountId },
    ),
  );
  // Importing from an account desk no longer has would only deactivate the client's users.
  if (!account) {
    throw badUserInput(
      `Client "${client.name}" is linked to a desk account that desk no longer has`,
      { argument: 'clientId' },
    );
  }
  return {
    kind: CLIENT_USER_IMPORT,
    scope: client.id,
    input: { clientId: client.id, deskAccountId: client.deskAccountId },
    total: account.contacts.totalCount,
  };
}

/** Desk refusing the agent (their desk profile) is the agent's FORBIDDEN, with desk's reason. */
async function askDesk<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (refusalsOf(error).some((e) => e.extensions?.code === 'FORBIDDEN')) {
      throw forbidden(`Desk does not let you read ${what}, so you cannot import them`);
    }
    throw error;
  }
}
