import { EntityManager, In } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import { groupBy } from '../../../shared/loaders';
import type { DeskContext } from '../context';
import { Account, Contact, ContactAccount } from '../entities';
import { lockContacts, makePrimary } from './associations';
import { AssociationFileError, AssociationFileRow, parseAssociationFile } from './associationFile';

export type ImportRowStatus = 'APPLIED' | 'UNCHANGED' | 'FAILED';

export interface ImportRowResult {
  row: number;
  contactEmail: string | null;
  accountName: string | null;
  status: ImportRowStatus;
  error: string | null;
}

export interface ImportReport {
  totalRows: number;
  appliedRows: number;
  failedRows: number;
  rows: ImportRowResult[];
}

interface Lookups {
  contactsByEmail: Map<string, Contact>;
  /**
   * Lowercased name → every account with that name ignoring case. Names are unique only as
   * written ("Acme" and "ACME" may both exist), so one entry per lowercased name picked an
   * arbitrary twin, even for a row naming the other one exactly (found by
   * test/associations.test.ts); see accountNamed.
   */
  accountsByName: Map<string, Account[]>;
  /** Links of every contact named in the file, kept current as rows are applied. */
  linksByContact: Map<string, ContactAccount[]>;
}

async function lookups(manager: EntityManager, rows: AssociationFileRow[]): Promise<Lookups> {
  const emails = [...new Set(rows.flatMap((r) => (r.contactEmail ? [r.contactEmail] : [])))];
  const names = [
    ...new Set(rows.flatMap((r) => (r.accountName ? [r.accountName.toLowerCase()] : []))),
  ];
  const contacts = emails.length
    ? await manager
        .createQueryBuilder(Contact, 'contact')
        .where('lower(contact.email) IN (:...emails)', { emails })
        .getMany()
    : [];
  const accounts = names.length
    ? await manager
        .createQueryBuilder(Account, 'account')
        .where('lower(account.name) IN (:...names)', { names })
        .getMany()
    : [];
  // Before reading the links, so that they stay current while the rows are applied.
  await lockContacts(
    manager,
    contacts.map((c) => c.id),
  );
  const links = contacts.length
    ? await manager.find(ContactAccount, { where: { contactId: In(contacts.map((c) => c.id)) } })
    : [];
  const accountsByName = groupBy(accounts, (account) => account.name.toLowerCase());
  return {
    contactsByEmail: new Map(contacts.map((c) => [c.email.toLowerCase(), c])),
    accountsByName,
    linksByContact: groupBy(links, (link) => link.contactId),
  };
}

/** The account a row names: the exact name first, else the only one equal ignoring case. */
function accountNamed(state: Lookups, name: string): Account | string {
  const candidates = state.accountsByName.get(name.toLowerCase()) ?? [];
  const exact = candidates.find((a) => a.name === name);
  if (exact) return exact;
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) return `No account is named "${name}"`;
  const names = candidates.map((a) => `"${a.name}"`).join(', ');
  return `Several accounts are named "${name}" ignoring case (${names}); write the name exactly as one of them`;
}

export type RowChange = 'ADDED' | 'UPDATED' | 'UNCHANGED';

/** Applies one valid row; says whether it added a link, changed one, or found it as asked. */
async function applyRow(
  manager: EntityManager,
  state: Lookups,
  contact: Contact,
  account: Account,
  row: AssociationFileRow,
): Promise<RowChange> {
  const contactLinks = state.linksByContact.get(contact.id) ?? [];
  let link = contactLinks.find((l) => l.accountId === account.id);
  let change: RowChange = 'UNCHANGED';
  if (!link) {
    link = manager.create(ContactAccount, {
      contactId: contact.id,
      accountId: account.id,
      // ASC-1: a contact's first account becomes its primary one.
      isPrimary: !contactLinks.some((l) => l.isPrimary) && !row.primary,
      accountTicketsViewable: row.accountTicketsViewable ?? false,
    });
    link = await manager.save(link);
    contactLinks.push(link);
    state.linksByContact.set(contact.id, contactLinks);
    change = 'ADDED';
  } else if (
    row.accountTicketsViewable !== null &&
    link.accountTicketsViewable !== row.accountTicketsViewable
  ) {
    await manager.update(
      ContactAccount,
      { id: link.id },
      { accountTicketsViewable: row.accountTicketsViewable },
    );
    link.accountTicketsViewable = row.accountTicketsViewable;
    change = 'UPDATED';
  }
  if (row.primary && !link.isPrimary) {
    await makePrimary(manager, link);
    for (const other of contactLinks) other.isPrimary = other === link;
    if (change === 'UNCHANGED') change = 'UPDATED';
  }
  return change;
}

function failed(row: AssociationFileRow, error: string): AppliedRow {
  return {
    row: row.row,
    contactEmail: row.contactEmail,
    accountName: row.accountName,
    status: 'FAILED',
    error,
    change: null,
  };
}

export interface AppliedRow extends ImportRowResult {
  change: RowChange | null;
}

/**
 * Checks and applies rows in the caller's transaction, locking their contacts first. A contact
 * may be made primary by one row of a file only: `primaryRowByEmail` holds the rows that already
 * did so, from earlier chunks of the same file when it is imported as a sync run.
 */
export async function applyAssociationRows(
  manager: EntityManager,
  rows: AssociationFileRow[],
  primaryRowByEmail: Map<string, number> = new Map(),
): Promise<AppliedRow[]> {
  const state = await lookups(manager, rows);
  const report: AppliedRow[] = [];
  for (const row of rows) {
    if (row.error) {
      report.push(failed(row, row.error));
      continue;
    }
    const email = row.contactEmail ?? '';
    const contact = state.contactsByEmail.get(email);
    const account = accountNamed(state, row.accountName ?? '');
    if (!contact) {
      report.push(failed(row, `No contact has the e-mail "${row.contactEmail}"`));
      continue;
    }
    if (typeof account === 'string') {
      report.push(failed(row, account));
      continue;
    }
    const earlierPrimary = primaryRowByEmail.get(email);
    if (row.primary && earlierPrimary !== undefined) {
      report.push(
        failed(row, `Row ${earlierPrimary} already makes another account this contact's primary`),
      );
      continue;
    }
    if (row.primary) primaryRowByEmail.set(email, row.row);
    const change = await applyRow(manager, state, contact, account, row);
    report.push({
      row: row.row,
      contactEmail: row.contactEmail,
      accountName: account.name,
      status: change === 'UNCHANGED' ? 'UNCHANGED' : 'APPLIED',
      error: null,
      change,
    });
  }
  return report;
}

/** Turns a file-level problem into the refusal the uploader reads. */
export async function parseUploadedFile(
  input: { fileName: string; contentBase64: string },
  maxRows?: number,
): Promise<AssociationFileRow[]> {
  try {
    return await parseAssociationFile(input.fileName, input.contentBase64, maxRows);
  } catch (error) {
    if (error instanceof AssociationFileError) {
      throw badUserInput(error.message, { field: 'contentBase64' });
    }
    throw error;
  }
}

/**
 * ASC-5: every row is checked before anything is written, so the rows that can be applied are
 * applied together in one transaction and the others are reported with their reason.
 */
export async function importContactAssociations(
  ctx: DeskContext,
  input: { fileName: string; contentBase64: string },
): Promise<ImportReport> {
  const rows = await parseUploadedFile(input);
  const results = await ctx.db.transaction((manager) => applyAssociationRows(manager, rows));
  return {
    totalRows: results.length,
    appliedRows: results.filter((r) => r.status === 'APPLIED').length,
    failedRows: results.filter((r) => r.status === 'FAILED').length,
    rows: results,
  };
}
