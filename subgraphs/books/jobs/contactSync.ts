import type { EntityManager } from 'typeorm';
import type { Config } from '../../../shared/config';
import type { ChunkOutcome, SyncFailureInput, SyncRunRecord } from '../../../shared/jobs/syncRuns';
import type { SyncKind } from '../../../shared/jobs/syncWorker';
import type { SubgraphClient } from '../../../shared/subgraphClient';
import {
  BOOKS_CONTACT_FIELDS,
  type BooksContactField,
  type ConflictPolicy,
  type ContactModule,
  contactSyncHash,
  deskAccountValues,
  deskContactValues,
  type FieldMapping,
  mappedValues,
  type RecordFilter,
  type SyncDirection,
} from '../domain/contactSync';
import { CHANGED_ON_BOTH_SIDES, decideDiffering } from '../domain/syncDecision';
import { BooksContact } from '../entities';
import { deskRefusal, RecordFailed } from './recordFailed';
import { CONTACTS_SYNC, deskFor } from './runs';

/** What a run was started with; later edits of the settings apply to the next run. */
export interface ContactSyncRunInput {
  organizationId: string;
  /** New books contacts are billed in the organization's currency. */
  currency: string;
  module: ContactModule;
  recordFilter: RecordFilter;
  direction: SyncDirection;
  conflictPolicy: ConflictPolicy;
  deleteEarlierRecords: boolean;
  mapping: FieldMapping[];
}

/**
 * First desk's records, paged by desk's own cursor; then, with deleteEarlierRecords, the books
 * contacts linked to accounts, paged by contact id, to drop those the filter no longer covers.
 */
type Checkpoint = { phase: 'records' | 'cleanup'; after: string | null };

interface DeskAccount {
  id: string;
  name: string;
  website: string | null;
  phone: string | null;
  industry: string | null;
  city: string | null;
  country: string | null;
}

interface DeskContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  primaryAccount: { industry: string | null; country: string | null } | null;
}

/** A desk record as the sync sees it: its mapping values, and what the filter looks at. */
interface DeskRecord {
  id: string;
  label: string;
  values: Record<string, string | null>;
  industry: string | null;
  country: string | null;
}

type Change = 'ADDED' | 'UPDATED' | 'UNCHANGED';
type Values = Partial<Record<BooksContactField, string | null>>;

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: DeskRecord[];
}

const ACCOUNT_FIELDS = 'id name website phone industry city country';
const CONTACT_FIELDS = 'id firstName lastName email phone primaryAccount { industry country }';

/** The books contact's column of each field but NAME, which is never empty and so set apart. */
const OPTIONAL_PROPERTY: Readonly<
  Record<
    Exclude<BooksContactField, 'NAME'>,
    'companyName' | 'email' | 'phone' | 'website' | 'city' | 'country'
  >
> = {
  COMPANY_NAME: 'companyName',
  EMAIL: 'email',
  PHONE: 'phone',
  WEBSITE: 'website',
  CITY: 'city',
  COUNTRY: 'country',
};

/** Desk fields an update cannot clear: a null books value leaves them as desk has them. */
const REQUIRED_DESK_FIELDS = new Set(['name', 'firstName', 'lastName', 'email']);

const accountRecord = (account: DeskAccount): DeskRecord => ({
  id: account.id,
  label: `account ${account.name}`,
  values: deskAccountValues(account),
  industry: account.industry,
  country: account.country,
});

const contactRecord = (contact: DeskContact): DeskRecord => ({
  id: contact.id,
  label: `contact ${contact.email}`,
  values: deskContactValues(contact),
  // Contacts have neither: a contact is filtered by its primary account's.
  industry: contact.primaryAccount?.industry ?? null,
  country: contact.primaryAccount?.country ?? null,
});

const sameText = (a: string | null, b: string | null) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export function coveredByFilter(
  filter: RecordFilter,
  record: { industry: string | null; country: string | null },
): boolean {
  if (filter.kind === 'ALL') return true;
  return sameText(filter.kind === 'INDUSTRY' ? record.industry : record.country, filter.value);
}

export function booksValues(contact: BooksContact): Values {
  return Object.fromEntries(
    BOOKS_CONTACT_FIELDS.map((field) => [
      field,
      field === 'NAME' ? contact.name : contact[OPTIONAL_PROPERTY[field]],
    ]),
  ) as Values;
}

/**
 * Desk's update input from the books contact's values. A desk field mapped to several books
 * fields takes the first mapped one's value; `fullName` goes back as first name and the rest.
 */
export function deskUpdateInput(
  mapping: readonly FieldMapping[],
  values: Values,
): Record<string, string | null> {
  const input: Record<string, string | null> = {};
  for (const { deskField, booksField } of mapping) {
    const value = values[booksField]?.trim() || null;
    const fields: [string, string | null][] =
      deskField === 'fullName'
        ? [
            ['firstName', value?.split(/\s+/)[0] ?? null],
            ['lastName', value?.split(/\s+/).slice(1).join(' ') || null],
          ]
        : [[deskField, value]];
    for (const [field, fieldValue] of fields) {
      if (field in input) continue;
      if (fieldValue === null && REQUIRED_DESK_FIELDS.has(field)) continue;
      input[field] = fieldValue;
    }
  }
  return input;
}

/**
 * BKS-4/BKS-5: desk accounts or contacts ↔ books contacts. Each record's mapped values are hashed
 * on both sides and compared with the hash stored when the sides last agreed, which says which
 * side changed; the setting's direction and conflict policy decide what is written. Desk is read
 * and written through its API as the agent who started the run, so that agent's permissions hold.
 *
 * Books' writes are in the chunk's transaction. A redone chunk finds the links it made before
 * (or none, if they were rolled back); desk writes that outlived a failed chunk show as both sides
 * agreeing, which only stores the hash.
 */
export const contactSync: SyncKind = {
  kind: CONTACTS_SYNC,
  async processChunk(
    manager: EntityManager,
    run: SyncRunRecord,
    batchSize: number,
    config: Config,
  ): Promise<ChunkOutcome> {
    const input = run.input as unknown as ContactSyncRunInput;
    const checkpoint = (run.checkpoint as Checkpoint | null) ?? { phase: 'records', after: null };
    const desk = deskFor(config, run);
    const size = Math.min(batchSize, config.pagination.maxPageSize);
    const sync = new ContactChunk(manager, desk, input);
    if (checkpoint.phase === 'cleanup') return sync.cleanup(checkpoint.after, size);
    return sync.records(checkpoint.after, size);
  },
};

class ContactChunk {
  private readonly failures: SyncFailureInput[] = [];
  private readonly counts: Record<Change, number> = { ADDED: 0, UPDATED: 0, UNCHANGED: 0 };
  private deleted = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly desk: SubgraphClient,
    private readonly input: ContactSyncRunInput,
  ) {}

  private get linkColumn(): 'deskAccountId' | 'deskContactId' {
    return this.input.module === 'ACCOUNTS' ? 'deskAccountId' : 'deskContactId';
  }

  async records(after: string | null, size: number): Promise<ChunkOutcome> {
    const page = await this.page(after, size);
    for (const record of page.nodes) {
      if (!coveredByFilter(this.input.recordFilter, record)) continue;
      try {
        this.counts[await this.syncRecord(record)] += 1;
      } catch (error) {
        if (!(error instanceof RecordFailed)) throw error;
        this.failures.push({ record: record.label, reason: error.message });
      }
    }
    const last = !page.pageInfo.hasNextPage;
    const cleanup = last && this.input.module === 'ACCOUNTS' && this.input.deleteEarlierRecords;
    return this.outcome(
      page.nodes.length,
      cleanup
        ? { phase: 'cleanup', after: null }
        : { phase: 'records', after: page.pageInfo.endCursor ?? after },
      last && !cleanup,
    );
  }

  private outcome(processed: number, checkpoint: Checkpoint, done: boolean): ChunkOutcome {
    return {
      processed,
      added: this.counts.ADDED,
      updated: this.counts.UPDATED,
      unchanged: this.counts.UNCHANGED,
      deleted: this.deleted,
      failures: this.failures,
      checkpoint,
      done,
    };
  }

  private async page(after: string | null, size: number): Promise<Page> {
    if (this.input.module === 'ACCOUNTS') {
      const { accounts } = await this.desk.request<{
        accounts: { pageInfo: Page['pageInfo']; nodes: DeskAccount[] };
      }>(
        `query BooksSyncAccounts($first: Int, $after: String) {
          accounts(first: $first, after: $after) {
            pageInfo { hasNextPage endCursor } nodes { ${ACCOUNT_FIELDS} }
          }
        }`,
        { first: size, after },
      );
      return { pageInfo: accounts.pageInfo, nodes: accounts.nodes.map(accountRecord) };
    }
    const { contacts } = await this.desk.request<{
      contacts: { pageInfo: Page['pageInfo']; nodes: DeskContact[] };
    }>(
      `query BooksSyncContacts($first: Int, $after: String) {
        contacts(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor } nodes { ${CONTACT_FIELDS} }
        }
      }`,
      { first: size, after },
    );
    return { pageInfo: contacts.pageInfo, nodes: contacts.nodes.map(contactRecord) };
  }

  private async syncRecord(record: DeskRecord): Promise<Change> {
    const { mapping, direction, conflictPolicy, organizationId } = this.input;
    const deskValues = mappedValues(mapping, record.values);
    // Checked before anything is written, so a DUPLICATE never unlinks without a replacement.
    requiredName(deskValues);
    const deskHash = contactSyncHash(mapping, deskValues);
    const repository = this.manager.getRepository(BooksContact);
    const linked = await repository.findOneBy({ organizationId, [this.linkColumn]: record.id });
    if (!linked) {
      await this.link(record, deskValues, deskHash);
      return 'ADDED';
    }
    const booksHash = contactSyncHash(mapping, booksValues(linked));
    if (booksHash === deskHash) {
      // Alike, whatever happened since: only the hash may lag (a desk write whose chunk was lost).
      if (linked.syncedHash !== deskHash) await this.agreed(linked, deskHash);
      return 'UNCHANGED';
    }
    const changed = {
      desk: deskHash !== linked.syncedHash,
      books: booksHash !== linked.syncedHash,
    };
    switch (decideDiffering(changed, direction, conflictPolicy)) {
      case 'TAKE_DESK':
        await this.applyDesk(linked, deskValues, deskHash);
        return 'UPDATED';
      case 'KEEP_BOOKS':
        return 'UNCHANGED';
      case 'WRITE_TO_DESK':
        await this.writeBack(record, linked);
        return 'UPDATED';
      case 'SKIP':
        throw new RecordFailed(CHANGED_ON_BOTH_SIDES);
      case 'DUPLICATE':
        // One books contact per desk record: the old one is unlinked before the new one is made.
        await repository.update(linked.id, {
          [this.linkColumn]: null,
          syncedHash: null,
          deskSyncedAt: null,
        });
        await this.create(record, deskValues, deskHash);
        return 'ADDED';
    }
  }

  /**
   * A desk record without a books contact: an unlinked books contact of the same name (the only
   * one) becomes its contact, as the first sync of a books organization that already had
   * customers expects; otherwise a new one is made.
   */
  private async link(record: DeskRecord, values: Values, hash: string): Promise<void> {
    const name = requiredName(values);
    const namesakes = await this.manager
      .getRepository(BooksContact)
      .createQueryBuilder('contact')
      .where('contact.organization_id = :organizationId', this.input)
      .andWhere('lower(contact.name) = lower(:name)', { name })
      .andWhere('contact.desk_account_id IS NULL AND contact.desk_contact_id IS NULL')
      .limit(2)
      .getMany();
    if (namesakes.length === 1) {
      const [contact] = namesakes;
      contact[this.linkColumn] = record.id;
      await this.applyDesk(contact, values, hash);
    } else {
      await this.create(record, values, hash);
    }
  }

  private async create(record: DeskRecord, values: Values, hash: string): Promise<void> {
    const contact = this.manager.getRepository(BooksContact).create({
      organizationId: this.input.organizationId,
      name: requiredName(values),
      currency: this.input.currency,
      unusedCredits: 0,
      deskAccountId: null,
      deskContactId: null,
      [this.linkColumn]: record.id,
    });
    await this.applyDesk(contact, values, hash);
  }

  /** Desk's mapped values into the books contact; the sides then agree on `hash`. */
  private async applyDesk(contact: BooksContact, values: Values, hash: string): Promise<void> {
    for (const { booksField } of this.input.mapping) {
      if (booksField === 'NAME') contact.name = requiredName(values);
      else contact[OPTIONAL_PROPERTY[booksField]] = values[booksField] ?? null;
    }
    contact.syncedHash = hash;
    contact.deskSyncedAt = new Date();
    await this.manager.save(contact);
  }

  private async agreed(contact: BooksContact, hash: string): Promise<void> {
    await this.manager
      .getRepository(BooksContact)
      .update(contact.id, { syncedHash: hash, deskSyncedAt: new Date() });
  }

  /**
   * TWO_WAY, changed in books only: books' values go to desk. What desk then holds is copied
   * back, so the two agree even where desk kept its own (a required field books left empty, a
   * desk field several books fields share).
   */
  private async writeBack(record: DeskRecord, contact: BooksContact): Promise<void> {
    const input = deskUpdateInput(this.input.mapping, booksValues(contact));
    const accounts = this.input.module === 'ACCOUNTS';
    let updated: DeskRecord;
    try {
      if (accounts) {
        const { updateAccount } = await this.desk.request<{ updateAccount: DeskAccount }>(
          `mutation BooksSyncUpdateAccount($id: ID!, $input: UpdateAccountInput!) {
            updateAccount(id: $id, input: $input) { ${ACCOUNT_FIELDS} }
          }`,
          { id: record.id, input },
        );
        updated = accountRecord(updateAccount);
      } else {
        const { updateContact } = await this.desk.request<{ updateContact: DeskContact }>(
          `mutation BooksSyncUpdateContact($id: ID!, $input: UpdateContactInput!) {
            updateContact(id: $id, input: $input) { ${CONTACT_FIELDS} }
          }`,
          { id: record.id, input },
        );
        updated = contactRecord(updateContact);
      }
    } catch (error) {
      throw deskRefusal(error, 'the update');
    }
    const values = mappedValues(this.input.mapping, updated.values);
    await this.applyDesk(contact, values, contactSyncHash(this.input.mapping, values));
  }

  /**
   * deleteEarlierRecords: books contacts linked to desk accounts the filter no longer covers (or
   * that desk no longer has) are deleted; one with transactions is unlinked instead, and reported.
   */
  async cleanup(after: string | null, size: number): Promise<ChunkOutcome> {
    const query = this.manager
      .getRepository(BooksContact)
      .createQueryBuilder('contact')
      .where('contact.organization_id = :organizationId', this.input)
      .andWhere('contact.desk_account_id IS NOT NULL')
      .orderBy('contact.id')
      .take(size);
    if (after) query.andWhere('contact.id > :after', { after });
    const contacts = await query.getMany();
    const accounts = await this.accountsByIds(contacts.map((c) => c.deskAccountId as string));
    const gone = contacts.filter((contact) => {
      const account = accounts.get(contact.deskAccountId as string);
      return !account || !coveredByFilter(this.input.recordFilter, account);
    });
    if (gone.length > 0) {
      const billed: { contact_id: string }[] = await this.manager.query(
        'SELECT DISTINCT contact_id FROM books.transaction WHERE contact_id = ANY($1)',
        [gone.map((c) => c.id)],
      );
      const kept = new Set(billed.map((row) => row.contact_id));
      const repository = this.manager.getRepository(BooksContact);
      for (const contact of gone) {
        if (kept.has(contact.id)) {
          await repository.update(contact.id, {
            deskAccountId: null,
            syncedHash: null,
            deskSyncedAt: null,
          });
          this.failures.push({
            // Names may repeat in books; the id keeps each report its own.
            record: `books contact ${contact.name} (${contact.id})`,
            reason: 'no longer covered by the filter but has transactions: unlinked, not deleted',
          });
        } else {
          await repository.delete(contact.id);
          this.deleted += 1;
        }
      }
    }
    const last = contacts.length < size;
    return this.outcome(
      0,
      { phase: 'cleanup', after: contacts.length > 0 ? contacts[contacts.length - 1].id : after },
      last,
    );
  }

  /**
   * One aliased `account(id)` per id: desk answers them with one batched read, and `account` is
   * null, not an error, for an account desk no longer has.
   */
  private async accountsByIds(ids: string[]): Promise<Map<string, DeskAccount>> {
    if (ids.length === 0) return new Map();
    const variables = Object.fromEntries(ids.map((id, index) => [`id${index}`, id]));
    const found = await this.desk.request<Record<string, DeskAccount | null>>(
      `query BooksSyncLinkedAccounts(${ids.map((_, index) => `$id${index}: ID!`).join(', ')}) {
        ${ids.map((_, index) => `a${index}: account(id: $id${index}) { ${ACCOUNT_FIELDS} }`).join('\n')}
      }`,
      variables,
    );
    return new Map(
      Object.values(found).flatMap((account) => (account ? [[account.id, account] as const] : [])),
    );
  }
}

/** Books contacts need a name: a record whose mapped NAME is empty cannot be one. */
function requiredName(values: Values): string {
  const name = values.NAME?.trim();
  if (!name) throw new RecordFailed('the field mapped to NAME is empty');
  return name;
}
