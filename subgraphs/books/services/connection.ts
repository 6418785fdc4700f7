import type { EntityManager } from 'typeorm';
import { badUserInput, forbidden, notFound } from '../../../shared/errors';
import { Organization } from '../../../shared/integration/entities';
import { isUuid } from '../../../shared/loaders';
import type { BooksContext } from '../context';
import { matchingServiceKey, normalizeEmail } from '../domain/serviceKey';
import type { ConnectionStatus, Edition, ProcessRule } from '../domain/status';
import { Connection, ServiceKey, ServiceKeyOrganization } from '../entities';

/** A change of the connection under its row's lock, recording who made it. */
function change(
  ctx: BooksContext,
  apply: (connection: Connection, manager: EntityManager) => Promise<void>,
): Promise<Connection> {
  return ctx.db.transaction(async (manager) => {
    const connection = await manager
      .getRepository(Connection)
      .createQueryBuilder('connection')
      .setLock('pessimistic_write')
      .where('connection.id = 1')
      .getOneOrFail();
    await apply(connection, manager);
    connection.changedBy = (await ctx.viewer()).email ?? 'service';
    connection.changedAt = new Date();
    return manager.save(connection);
  });
}

function requireStatus(
  connection: Connection,
  allowed: readonly ConnectionStatus[],
  doing: string,
) {
  if (allowed.includes(connection.status)) return;
  const next =
    connection.status === 'NOT_SET_UP' || connection.status === 'DISABLED'
      ? 'connect it with connectBooks first'
      : 'choose an organization with chooseBooksOrganization first';
  throw badUserInput(`The books integration is ${connection.status}: ${next} before ${doing}`);
}

/** BKS-2: the organizations the connection's service key reaches, by name. */
export async function reachableOrganizations(ctx: BooksContext): Promise<Organization[]> {
  const { serviceKeyId } = await ctx.connection();
  if (!serviceKeyId) return [];
  return ctx.db
    .getRepository(Organization)
    .createQueryBuilder('org')
    .where(
      `org.id IN (SELECT organization_id FROM books.service_key_organization
                  WHERE service_key_id = :serviceKeyId)`,
      { serviceKeyId },
    )
    .orderBy('org.name')
    .getMany();
}

/**
 * BKS-2: the key must be one stored for the address. A refusal does not say whether the address
 * or the key was wrong, so it cannot be used to find out which addresses have keys.
 */
export async function connectBooks(
  ctx: BooksContext,
  input: { email: string; serviceKey: string; edition: Edition },
): Promise<Connection> {
  const email = normalizeEmail(input.email);
  const candidates = await ctx.db.getRepository(ServiceKey).findBy({ email });
  const key = matchingServiceKey({ email, key: input.serviceKey }, candidates);
  if (!key) {
    throw badUserInput('The e-mail address and service key do not match a books service key', {
      field: 'input',
    });
  }
  return change(ctx, async (connection) => {
    // BKS-8: the edition only ever moves from INVOICE to BOOKS, reconnecting included.
    if (connection.edition === 'BOOKS' && input.edition === 'INVOICE') {
      throw badUserInput('This help desk uses the BOOKS edition, which cannot go back to INVOICE', {
        field: 'edition',
      });
    }
    connection.status = 'CONNECTED';
    connection.edition = input.edition;
    connection.serviceKeyId = key.id;
    connection.connectedEmail = key.email;
    connection.organizationId = null;
  });
}

/**
 * BKS-2: the organization must be one the connected key reaches. Everything shown is filtered by
 * the connection's organization, so choosing another hides the old one's data.
 */
export async function chooseOrganization(
  ctx: BooksContext,
  organizationId: string,
): Promise<Connection> {
  const exists =
    isUuid(organizationId) &&
    (await ctx.db.getRepository(Organization).existsBy({ id: organizationId }));
  if (!exists) throw notFound('BooksOrganization', organizationId);
  return change(ctx, async (connection, manager) => {
    requireStatus(connection, ['CONNECTED', 'ENABLED'], 'choosing an organization');
    const reachable = await manager.existsBy(ServiceKeyOrganization, {
      serviceKeyId: connection.serviceKeyId ?? undefined,
      organizationId,
    });
    if (!reachable) {
      throw badUserInput('The connected service key does not reach that organization', {
        field: 'organizationId',
      });
    }
    connection.status = 'ENABLED';
    connection.organizationId = organizationId;
  });
}

/** BKS-8: INVOICE → BOOKS only. */
export function switchEdition(ctx: BooksContext, edition: Edition): Promise<Connection> {
  return change(ctx, async (connection) => {
    requireStatus(connection, ['CONNECTED', 'ENABLED'], 'switching the edition');
    if (connection.edition === edition) {
      throw badUserInput(`The books integration already uses the ${edition} edition`, {
        field: 'edition',
      });
    }
    if (edition === 'INVOICE') {
      throw badUserInput('The edition switches from INVOICE to BOOKS only, never back', {
        field: 'edition',
      });
    }
    connection.edition = edition;
  });
}

/** BKS-8: everything is kept, and hidden until books is connected again. */
export function disableBooks(ctx: BooksContext): Promise<Connection> {
  return change(ctx, async (connection) => {
    requireStatus(connection, ['CONNECTED', 'ENABLED'], 'disabling it');
    connection.status = 'DISABLED';
  });
}

export function setProcessRule(ctx: BooksContext, rule: ProcessRule): Promise<Connection> {
  return change(ctx, async (connection) => {
    requireStatus(connection, ['CONNECTED', 'ENABLED'], 'setting a process rule');
    connection.processRule = rule;
  });
}

/**
 * Creating or changing transactions needs books enabled; returns the connection, whose
 * organization they belong to.
 */
export async function enabledConnection(
  ctx: BooksContext,
  doing: string,
): Promise<Connection & { organizationId: string; edition: Edition }> {
  const connection = await ctx.connection();
  const { organizationId, edition } = connection;
  if (connection.status !== 'ENABLED' || !organizationId || !edition) {
    throw forbidden(`The books integration is not enabled; ${doing} is refused until it is`);
  }
  return { ...connection, organizationId, edition };
}
