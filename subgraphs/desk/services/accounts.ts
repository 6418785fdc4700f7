import { conflict } from '../../../shared/errors';
import type { DeskContext } from '../context';
import { Account } from '../entities';
import { existingOne, isUniqueViolation, optionalText, requiredText } from './validation';

export interface AccountInput {
  name?: string | null;
  website?: string | null;
  phone?: string | null;
  industry?: string | null;
  city?: string | null;
  country?: string | null;
}

const OPTIONAL_FIELDS = ['website', 'phone', 'industry', 'city', 'country'] as const;

async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`An account named "${name}" already exists`, { field: 'name' });
    }
    throw error;
  }
}

export function createAccount(ctx: DeskContext, input: AccountInput): Promise<Account> {
  const name = requiredText('name', input.name);
  const account = ctx.db.getRepository(Account).create({ name });
  for (const field of OPTIONAL_FIELDS) account[field] = optionalText(input[field]);
  return uniqueName(name, () => ctx.db.getRepository(Account).save(account));
}

export function updateAccount(ctx: DeskContext, id: string, input: AccountInput): Promise<Account> {
  return uniqueName(input.name ?? '', () =>
    ctx.db.transaction(async (manager) => {
      const account = await existingOne(manager, Account, 'Account', id);
      if (input.name != null) account.name = requiredText('name', input.name);
      for (const field of OPTIONAL_FIELDS) {
        if (input[field] !== undefined) account[field] = optionalText(input[field]);
      }
      return manager.save(account);
    }),
  );
}
