import { conflict } from '../../../shared/errors';
import type { DeskContext } from '../context';
import { Account, Contact, ContactAccount } from '../entities';
import { email, existingOne, isUniqueViolation, optionalText, requiredText } from './validation';

export interface ContactInput {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
}

async function uniqueEmail<T>(address: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A contact with the e-mail "${address}" already exists`, { field: 'email' });
    }
    throw error;
  }
}

export function createContact(
  ctx: DeskContext,
  input: ContactInput & { primaryAccountId?: string | null },
): Promise<Contact> {
  const address = email('email', input.email ?? '');
  return uniqueEmail(address, () =>
    ctx.db.transaction(async (manager) => {
      const contact = await manager.save(
        manager.create(Contact, {
          firstName: requiredText('firstName', input.firstName),
          lastName: requiredText('lastName', input.lastName),
          email: address,
          phone: optionalText(input.phone),
        }),
      );
      if (input.primaryAccountId) {
        await existingOne(manager, Account, 'Account', input.primaryAccountId);
        await manager.insert(ContactAccount, {
          contactId: contact.id,
          accountId: input.primaryAccountId,
          isPrimary: true,
        });
      }
      return contact;
    }),
  );
}

export function updateContact(ctx: DeskContext, id: string, input: ContactInput): Promise<Contact> {
  const address = input.email ? email('email', input.email) : undefined;
  return uniqueEmail(address ?? '', () =>
    ctx.db.transaction(async (manager) => {
      const contact = await existingOne(manager, Contact, 'Contact', id);
      if (input.firstName != null) contact.firstName = requiredText('firstName', input.firstName);
      if (input.lastName != null) contact.lastName = requiredText('lastName', input.lastName);
      if (address) contact.email = address;
      if (input.phone !== undefined) contact.phone = optionalText(input.phone);
      return manager.save(contact);
    }),
  );
}
