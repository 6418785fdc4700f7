import { type EntityManager, IsNull, Not } from 'typeorm';
import { badUserInput, forbidden, notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { requiredText } from '../../../shared/validation';
import type { InventoryContext } from '../context';
import {
  Customer,
  Integration,
  Invoice,
  Organization,
  OrganizationAdmin,
  SalesOrder,
} from '../entities';
import { inventorySyncRuns, ITEM_SYNC } from '../jobs/runs';

/** ISO 4217 codes this runtime knows, e.g. JPY or USD. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

function changedBy(email: string | null): string {
  return email ?? 'service';
}

/** INV-2: the organizations whose administrators include this e-mail address. */
export function organizationsAdministeredBy(
  ctx: InventoryContext,
  email: string | null,
): Promise<Organization[]> {
  if (!email) return Promise.resolve([]);
  return ctx.db
    .getRepository(Organization)
    .createQueryBuilder('org')
    .where(
      'org.id IN (SELECT organization_id FROM inventory.organization_admin WHERE lower(email) = lower(:email))',
      { email },
    )
    .orderBy('org.name')
    .getMany();
}

export async function createOrganization(
  ctx: InventoryContext,
  input: { name: string; currency: string },
): Promise<Organization> {
  const name = requiredText('name', input.name);
  const currency = input.currency.trim().toUpperCase();
  if (!CURRENCIES.has(currency)) {
    throw badUserInput(
      `currency must be an ISO 4217 code such as JPY or USD, got "${input.currency}"`,
      {
        field: 'currency',
      },
    );
  }
  const { email } = await ctx.viewer();
  if (!email) throw forbidden('An organization needs an administrator who is an agent');
  return ctx.db.transaction(async (manager) => {
    const organization = await manager.save(manager.create(Organization, { name, currency }));
    await manager.insert(OrganizationAdmin, { organizationId: organization.id, email });
    return organization;
  });
}

/** Locks the integration's row for a change of state. */
async function lockIntegration(manager: EntityManager): Promise<Integration> {
  return manager
    .getRepository(Integration)
    .createQueryBuilder('integration')
    .setLock('pessimistic_write')
    .where('integration.id = 1')
    .getOneOrFail();
}

/**
 * INV-1/INV-2: the organization must be one the caller administers; with exactly one it is chosen
 * for them, with none they are told to create one.
 */
export async function enableInventory(
  ctx: InventoryContext,
  organizationId: string | null | undefined,
): Promise<Integration> {
  const { email } = await ctx.viewer();
  const offered = await organizationsAdministeredBy(ctx, email);
  let chosen: Organization | undefined;
  if (organizationId) {
    chosen = offered.find((org) => org.id === organizationId);
    if (!chosen) {
      const exists = isUuid(organizationId)
        ? await ctx.db.getRepository(Organization).existsBy({ id: organizationId })
        : false;
      if (!exists) throw notFound('InventoryOrganization', organizationId);
      throw forbidden('You do not administer that inventory organization');
    }
  } else if (offered.length === 1) {
    chosen = offered[0];
  } else if (offered.length === 0) {
    throw badUserInput(
      'You administer no inventory organization: create one with createInventoryOrganization, then enable the integration',
      { field: 'organizationId' },
    );
  } else {
    throw badUserInput(
      `You administer ${offered.length} inventory organizations; choose one with organizationId (${offered
        .map((org) => `${org.name}: ${org.id}`)
        .join(', ')})`,
      { field: 'organizationId' },
    );
  }
  const organization = chosen;
  return ctx.db.transaction(async (manager) => {
    const integration = await lockIntegration(manager);
    integration.status = 'ENABLED';
    integration.organizationId = organization.id;
    integration.changedBy = changedBy(email);
    integration.changedAt = new Date();
    return manager.save(integration);
  });
}

/** INV-10: only the state changes, so every association is there when it is enabled again. */
export async function disableInventory(ctx: InventoryContext): Promise<Integration> {
  const { email } = await ctx.viewer();
  return ctx.db.transaction(async (manager) => {
    const integration = await lockIntegration(manager);
    if (integration.status !== 'ENABLED') {
      throw badUserInput(`The inventory integration is ${integration.status}, not ENABLED`);
    }
    integration.status = 'DISABLED';
    integration.changedBy = changedBy(email);
    integration.changedAt = new Date();
    return manager.save(integration);
  });
}

/**
 * INV-11: the ticket links of every sales order and invoice and every contact mapping go, and
 * item syncs stop, in one transaction; the organization's own records stay in inventory.
 */
export async function deleteInventory(ctx: InventoryContext): Promise<Integration> {
  const { email } = await ctx.viewer();
  return ctx.db.transaction(async (manager) => {
    const integration = await lockIntegration(manager);
    if (integration.status === 'NOT_SET_UP' || integration.status === 'DELETED') {
      throw badUserInput(
        `The inventory integration is ${integration.status}; there is nothing to delete`,
      );
    }
    await manager.update(SalesOrder, { ticketId: Not(IsNull()) }, { ticketId: null });
    await manager.update(Invoice, { ticketId: Not(IsNull()) }, { ticketId: null });
    await manager.update(Customer, { contactId: Not(IsNull()) }, { contactId: null });
    await inventorySyncRuns.requestStopOfKind(manager, ITEM_SYNC);
    integration.status = 'DELETED';
    integration.changedBy = changedBy(email);
    integration.changedAt = new Date();
    return manager.save(integration);
  });
}

/**
 * Creating or changing records from the help desk needs the integration on: refused while it is
 * disabled (INV-10) and after it was deleted (INV-11).
 */
export async function enabledOrganization(ctx: InventoryContext, doing: string): Promise<string> {
  const integration = await ctx.integration();
  if (integration.status === 'ENABLED' && integration.organizationId) {
    return integration.organizationId;
  }
  const why =
    integration.status === 'DELETED'
      ? 'was deleted'
      : integration.status === 'DISABLED'
        ? 'is disabled'
        : 'is not set up';
  throw forbidden(`The inventory integration ${why}; ${doing} is refused until it is enabled`);
}
