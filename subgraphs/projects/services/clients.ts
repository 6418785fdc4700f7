import { badUserInput, notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { isUniqueViolation } from '../../../shared/validation';
import type { ProjectsContext } from '../context';
import { Client } from '../entities';

const DESK_ACCOUNT = 'query ProjectsAccount($id: ID!) { account(id: $id) { id name } }';

/**
 * PRJ-2/PRJ-4: links a client organization to a desk account, which no other client may be linked
 * to. A link is not moved: tasks already added to the CRM belong to the account it names.
 */
export async function linkProjectClient(
  ctx: ProjectsContext,
  clientId: string,
  accountId: string,
): Promise<Client> {
  if (!isUuid(accountId)) {
    throw badUserInput(`accountId is not an id: "${accountId}"`, { argument: 'accountId' });
  }
  const { account } = await ctx
    .desk()
    .request<{ account: { id: string; name: string } | null }>(DESK_ACCOUNT, { id: accountId });
  if (!account) throw notFound('Account', accountId);
  return ctx.db
    .transaction(async (manager) => {
      const client = isUuid(clientId)
        ? await manager.findOne(Client, {
            where: { id: clientId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!client) throw notFound('ProjectClient', clientId);
      if (client.deskAccountId === account.id) return client;
      if (client.deskAccountId) {
        throw badUserInput(`The client "${client.name}" is already linked to another account`, {
          argument: 'clientId',
        });
      }
      const other = await manager.findOneBy(Client, { deskAccountId: account.id });
      if (other) throw alreadyLinked(account.name, other.name);
      client.deskAccountId = account.id;
      return manager.save(client);
    })
    .catch(async (error: unknown) => {
      // Two clients linked to one account at the same moment: the unique index decides.
      if (!isUniqueViolation(error)) throw error;
      const other = await ctx.db
        .getRepository(Client)
        .findOneByOrFail({ deskAccountId: account.id });
      throw alreadyLinked(account.name, other.name);
    });
}

const alreadyLinked = (accountName: string, clientName: string) =>
  badUserInput(`The account "${accountName}" is already linked to the client "${clientName}"`, {
    argument: 'accountId',
  });
