import { badUserInput } from '../../../shared/errors';
import { likePattern } from '../../../shared/lookups';
import { pageSize } from '../../../shared/pagination';
import type { DeskContext } from '../context';
import { Account, Contact, ContactAccount } from '../entities';

/** The form offers a short pick list while the agent types, not a page through every contact. */
const MATCH_LIMITS = { defaultPageSize: 10, maxPageSize: 50 };

/** A single character matches most of an account's contacts, which helps nobody pick one. */
const MIN_SEARCH_LENGTH = 2;

export interface NewTicketForm {
  account: Account;
  contacts: Contact[];
}

/**
 * BIL-5: the account and the contacts of that account (primary or secondary, ASC-1) whose name
 * or e-mail matches what was typed into the new-ticket form, best match first. Integrations
 * resolve their panels on both through federation, so this only has to find them.
 */
export async function newTicketForm(
  ctx: DeskContext,
  args: { contact: string; accountId: string; first?: number | null },
): Promise<NewTicketForm> {
  const text = args.contact.trim();
  // Counted in code points so that a single non-BMP character is one character, as typed.
  if ([...text].length < MIN_SEARCH_LENGTH) {
    throw badUserInput(`contact must be at least ${MIN_SEARCH_LENGTH} characters`, {
      argument: 'contact',
    });
  }
  const limit = pageSize(args.first, MATCH_LIMITS);
  // Malformed ids are NOT_FOUND too (the loader never sends them to the database), and the
  // account is loaded before the search so that the search only ever sees a valid uuid.
  const account = await ctx.loaders.account.load(args.accountId);

  const contains = likePattern(text);
  // likePattern escapes the text and wraps it in %…%; without the leading % it is a prefix.
  const prefix = contains.slice(1);
  const fullName = `(contact.first_name || ' ' || contact.last_name)`;
  const contacts = await ctx.db
    .getRepository(Contact)
    .createQueryBuilder('contact')
    // One link per (contact, account) at most, so the join never repeats a contact.
    .innerJoin(
      ContactAccount,
      'link',
      'link.contact_id = contact.id AND link.account_id = :accountId',
      { accountId: account.id },
    )
    // The full name holds the first and the last name, so matching it matches either of them.
    .where(`(${fullName} ILIKE :contains OR contact.email ILIKE :contains)`, { contains })
    // A first name that starts with the text makes the full name start with it too.
    .addSelect(
      `CASE
         WHEN lower(contact.email) = lower(:text) THEN 0
         WHEN ${fullName} ILIKE :prefix OR contact.last_name ILIKE :prefix THEN 1
         ELSE 2
       END`,
      'match_rank',
    )
    .setParameters({ text, prefix })
    .orderBy('match_rank', 'ASC')
    .addOrderBy('contact.last_name', 'ASC')
    .addOrderBy('contact.first_name', 'ASC')
    // E-mails are unique, so ties between equal names still come back in a stable order.
    .addOrderBy('contact.email', 'ASC')
    .limit(limit)
    .getMany();
  return { account, contacts };
}
