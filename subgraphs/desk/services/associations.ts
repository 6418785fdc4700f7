import { EntityManager, In } from 'typeorm';
import { badUserInput, notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import type { DeskContext } from '../context';
import { Account, Contact, ContactAccount, Ticket } from '../entities';
import { existing, existingOne } from './validation';

/** Associating more contacts at once is what the import (and later its background job) is for. */
export const MAX_CONTACTS_PER_ASSOCIATION = 500;

export type DissociatedTicketHandling = 'MOVE_TO_PRIMARY_ACCOUNT' | 'KEEP_UNDER_ACCOUNT';

/**
 * Serialises changes to the links of the same contacts. Without it two concurrent requests (a
 * double submission, two imports) both read "no primary yet" or the same old primary, and the
 * loser hits contact_account's unique indexes: an internal error instead of a normal answer
 * (found by test/associations.test.ts, "concurrent changes to one contact"). Rows are locked in
 * id order so that two multi-contact changes cannot deadlock; FOR NO KEY UPDATE does not block
 * the key-share locks that inserting tickets or links for the contact takes.
 */
export async function lockContacts(
  manager: EntityManager,
  contactIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(contactIds)].filter(isUuid).sort();
  if (ids.length === 0) return;
  await manager
    .createQueryBuilder(Contact, 'contact')
    .select('contact.id')
    .where('contact.id IN (:...ids)', { ids })
    .orderBy('contact.id')
    .setLock('for_no_key_update')
    .getMany();
}

async function linkOf(
  manager: EntityManager,
  contactId: string,
  accountId: string,
): Promise<ContactAccount> {
  await existingOne(manager, Contact, 'Contact', contactId);
  await existingOne(manager, Account, 'Account', accountId);
  await lockContacts(manager, [contactId]);
  const link = await manager.findOneBy(ContactAccount, { contactId, accountId });
  if (!link) {
    throw notFound('ContactAccount', `${contactId}/${accountId}`);
  }
  return link;
}

/**
 * Makes `link` the contact's primary account. The old primary is cleared first because the
 * database allows only one primary per contact at any moment.
 */
export async function makePrimary(manager: EntityManager, link: ContactAccount): Promise<void> {
  await manager.update(
    ContactAccount,
    { contactId: link.contactId, isPrimary: true },
    { isPrimary: false },
  );
  await manager.update(ContactAccount, { id: link.id }, { isPrimary: true });
  link.isPrimary = true;
}

/** ASC-4: all contacts are associated, or none is (unknown ids fail the whole change). */
export function associateContacts(
  ctx: DeskContext,
  input: { accountId: string; contactIds: string[]; accountTicketsViewable?: boolean | null },
): Promise<Account> {
  if (input.contactIds.length === 0) {
    throw badUserInput('contactIds must name at least one contact', { field: 'contactIds' });
  }
  if (input.contactIds.length > MAX_CONTACTS_PER_ASSOCIATION) {
    throw badUserInput(
      `At most ${MAX_CONTACTS_PER_ASSOCIATION} contacts can be associated at once; import a file for more`,
      { field: 'contactIds' },
    );
  }
  return ctx.db.transaction(async (manager) => {
    const account = await existingOne(manager, Account, 'Account', input.accountId);
    const contactIds = [...new Set(input.contactIds)];
    await existing(manager, Contact, 'Contact', contactIds);
    await lockContacts(manager, contactIds);
    const links = await manager.find(ContactAccount, { where: { contactId: In(contactIds) } });
    const linked = new Set(links.filter((l) => l.accountId === account.id).map((l) => l.contactId));
    const withPrimary = new Set(links.filter((l) => l.isPrimary).map((l) => l.contactId));
    const fresh = contactIds.filter((id) => !linked.has(id));
    if (fresh.length > 0) {
      await manager.insert(
        ContactAccount,
        fresh.map((contactId) => ({
          contactId,
          accountId: account.id,
          // ASC-1: a contact's first account becomes its primary one.
          isPrimary: !withPrimary.has(contactId),
          accountTicketsViewable: input.accountTicketsViewable ?? false,
        })),
      );
    }
    return account;
  });
}

/**
 * ASC-8: the primary account is never dissociated. Tickets the contact filed under the account
 * need the caller's decision: move them to the primary account, or keep them where they are.
 */
export function dissociateContact(
  ctx: DeskContext,
  input: {
    contactId: string;
    accountId: string;
    ticketHandling?: DissociatedTicketHandling | null;
  },
): Promise<Contact> {
  return ctx.db.transaction(async (manager) => {
    const link = await linkOf(manager, input.contactId, input.accountId);
    if (link.isPrimary) {
      throw badUserInput(
        'The primary account cannot be dissociated; make another account primary first',
        { field: 'accountId' },
      );
    }
    const ticketCount = await manager.countBy(Ticket, {
      contactId: input.contactId,
      accountId: input.accountId,
    });
    if (ticketCount > 0 && !input.ticketHandling) {
      throw badUserInput(
        `The contact has ${ticketCount} ticket(s) under this account; choose ticketHandling: MOVE_TO_PRIMARY_ACCOUNT or KEEP_UNDER_ACCOUNT`,
        { field: 'ticketHandling', ticketCount },
      );
    }
    if (ticketCount > 0 && input.ticketHandling === 'MOVE_TO_PRIMARY_ACCOUNT') {
      const primary = await manager.findOneByOrFail(ContactAccount, {
        contactId: input.contactId,
        isPrimary: true,
      });
      await manager.update(
        Ticket,
        { contactId: input.contactId, accountId: input.accountId },
        { accountId: primary.accountId },
      );
    }
    await manager.delete(ContactAccount, { id: link.id });
    return manager.findOneByOrFail(Contact, { id: input.contactId });
  });
}

export function setPrimaryAccount(
  ctx: DeskContext,
  contactId: string,
  accountId: string,
): Promise<Contact> {
  return ctx.db.transaction(async (manager) => {
    const link = await linkOf(manager, contactId, accountId);
    if (!link.isPrimary) await makePrimary(manager, link);
    return manager.findOneByOrFail(Contact, { id: contactId });
  });
}

/** ASC-3 */
export function setAccountTicketsViewable(
  ctx: DeskContext,
  contactId: string,
  accountId: string,
  viewable: boolean,
): Promise<ContactAccount> {
  return ctx.db.transaction(async (manager) => {
    const link = await linkOf(manager, contactId, accountId);
    link.accountTicketsViewable = viewable;
    await manager.update(ContactAccount, { id: link.id }, { accountTicketsViewable: viewable });
    return link;
  });
}
