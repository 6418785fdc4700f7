import { badUserInput } from '../errors';
import { isUuid, loadAll } from '../loaders';
import type { OwnerSetPageKey } from '../ownerSetPages';
import type { IntegrationContext, Levels } from './context';
import type { Customer } from './entities';

/** A panel is about some desk contacts; on a ticket, the ticket narrows it ("from this ticket"). */
export interface PanelModel {
  contactIds: readonly string[];
  ticketId: string | null;
}

/** Desk's entities as an integration receives them: keys and the fields it @requires. */
export interface TicketReference {
  id: string;
  contact?: { id: string } | null;
}
export interface ContactReference {
  id: string;
}
export interface AccountReference {
  id: string;
  contactIds?: readonly string[] | null;
}

/** While the integration is not enabled no panel is shown (and nothing is queried). */
export async function panelOf(
  ctx: IntegrationContext<Levels>,
  model: PanelModel,
): Promise<PanelModel | null> {
  const integration = await ctx.integration();
  return integration.status === 'ENABLED' ? model : null;
}

/** The three desk entities' panels, as resolvers of their `inventory` or `billing` field. */
export const panelResolvers = {
  ticket: (ticket: TicketReference, ctx: IntegrationContext<Levels>) => {
    const contactId = ticket.contact?.id;
    if (!contactId || !isUuid(ticket.id)) return null;
    return panelOf(ctx, { contactIds: [contactId], ticketId: ticket.id });
  },
  contact: (contact: ContactReference, ctx: IntegrationContext<Levels>) =>
    panelOf(ctx, { contactIds: [contact.id], ticketId: null }),
  // contactIds comes from desk through @requires: the panel covers every contact of the account.
  account: (account: AccountReference, ctx: IntegrationContext<Levels>) =>
    panelOf(ctx, { contactIds: account.contactIds ?? [], ticketId: null }),
};

/**
 * Records of an organization the integration does not use (any more) are not this help desk's
 * to see, by id or through `_entities`.
 */
export async function inOrganization<T extends { organizationId: string }>(
  ctx: IntegrationContext<Levels>,
  row: Promise<T | null>,
): Promise<T | null> {
  const [found, integration] = await Promise.all([row, ctx.integration()]);
  return found && found.organizationId === integration.organizationId ? found : null;
}

/** The customer records a panel covers, in the integration's organization. */
export async function customersOf(
  ctx: IntegrationContext<Levels>,
  panel: PanelModel,
): Promise<Customer[]> {
  const customers = await loadAll(ctx.loaders.customerByContact, panel.contactIds);
  return customers.filter((customer): customer is Customer => customer !== null);
}

export async function ownersOf(
  ctx: IntegrationContext<Levels>,
  panel: PanelModel,
): Promise<string[]> {
  return (await customersOf(ctx, panel)).map((customer) => customer.id);
}

export type PanelScope = 'THIS_TICKET' | 'ALL_OF_CONTACT';

/** The "from this ticket" filter narrows a ticket's panel to the documents made from it. */
export function narrowTo(
  panel: PanelModel,
  scope: PanelScope | null | undefined,
  label: string,
): string | null {
  if (scope !== 'THIS_TICKET') return null;
  if (!panel.ticketId) {
    throw badUserInput(`scope THIS_TICKET applies only to a ticket's ${label} panel`, {
      argument: 'scope',
    });
  }
  return panel.ticketId;
}

/** The page a document tab asks for: the panel's customers, the scope, the status filter. */
export async function documentPageKey(
  ctx: IntegrationContext<Levels>,
  panel: PanelModel,
  label: string,
  args: {
    first?: number | null;
    after?: string | null;
    scope?: PanelScope | null;
    status?: string | null;
  },
): Promise<OwnerSetPageKey> {
  return {
    ownerIds: await ownersOf(ctx, panel),
    narrowTo: narrowTo(panel, args.scope, label),
    first: args.first,
    after: args.after,
    equals: { status: args.status },
  };
}
