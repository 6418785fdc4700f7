import { badUserInput } from '../../../shared/errors';
import type { ProjectsContext } from '../context';
import { type CrmLinkChoices, crmLinkChoices, type NamedDeskAccount } from '../domain/crmChoices';
import type { Client } from '../entities';

const ACCOUNTS_BY_NAME = `query ProjectsAccountsByName($search: String!, $first: Int!) {
  accounts(search: $search, first: $first) { nodes { id name } }
}`;

interface AccountsByName {
  accounts: { nodes: { id: string; name: string }[] };
}

/**
 * Desk accounts whose name contains the client's, asked of desk's API as the agent (projects never
 * reads desk's tables), each with the client already linked to it; domain/crmChoices keeps those
 * whose name is the client's. One page is enough: desk's account names are unique, so only a few
 * near-namesakes can come back.
 */
async function accountsNamedLike(
  ctx: ProjectsContext,
  client: Client,
): Promise<NamedDeskAccount[]> {
  const { accounts } = await ctx.desk().request<AccountsByName>(ACCOUNTS_BY_NAME, {
    search: client.name,
    first: ctx.limits.maxPageSize,
  });
  const linked = await Promise.all(
    accounts.nodes.map((account) => ctx.loaders.clientByAccount.load(account.id)),
  );
  return accounts.nodes.map((account, index) => ({
    id: account.id,
    name: account.name,
    linkedClientId: linked[index]?.id ?? null,
  }));
}

/** PRJ-4: what a task of the project (`taskId`'s, or `projectId`) can be added to the CRM with. */
export async function linkChoicesFor(
  ctx: ProjectsContext,
  ids: { taskId?: string | null; projectId?: string | null },
): Promise<CrmLinkChoices> {
  if (Boolean(ids.taskId) === Boolean(ids.projectId)) {
    throw badUserInput('Give exactly one of taskId and projectId', { argument: 'taskId' });
  }
  const projectId = ids.taskId
    ? (await ctx.loaders.task.load(ids.taskId)).projectId
    : (ids.projectId as string);
  const project = await ctx.loaders.project.load(projectId);
  const client = project.clientId ? await ctx.loaders.client.load(project.clientId) : null;
  // Desk is only asked when the answer can offer something: an unlinked client offers nothing.
  const [accounts, deals] = client?.deskAccountId
    ? await Promise.all([accountsNamedLike(ctx, client), ctx.loaders.dealIds.load(project.id)])
    : [[], []];
  return crmLinkChoices(
    client,
    accounts,
    deals.map((row) => row.deskDealId),
  );
}
