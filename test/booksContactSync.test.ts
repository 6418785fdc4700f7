import { randomUUID } from 'node:crypto';
import {
  contactSyncHash,
  DEFAULT_MAPPINGS,
  deskAccountValues,
  mappedValues,
} from '../subgraphs/books/domain/contactSync';
import { booksState } from './booksState';
import {
  finished,
  removeRunsSince,
  START_SYNC,
  startSync,
  startSyncGraph,
  succeededSync,
  type SyncCounts,
  type SyncRun,
  syncRunIds,
} from './booksSync';
import { expectError, mutateOk, sqlOn } from './expectations';
import type { Graph } from './harness';

/**
 * BKS-4/BKS-5 through the gateway, with the subgraphs' workers: contact sync runs between desk
 * accounts and books contacts, per direction and conflict policy, and deleteEarlierRecords.
 *
 * The runs read every desk account, but the setting's filter (an industry only this file's
 * accounts have) keeps the demo accounts out of them, except where deleteEarlierRecords is the
 * point. afterAll puts back the settings, every books contact as it was, and the runs, and
 * removes the desk accounts this file made.
 */

/** Small, so the desk accounts take several chunks. */
const BATCH = 7;
const MAPPING = DEFAULT_MAPPINGS.ACCOUNTS;

interface DeskAccount {
  id: string;
  name: string;
  website: string | null;
  phone: string | null;
  industry: string | null;
  city: string | null;
  country: string | null;
}

interface ContactRow {
  id: string;
  name: string;
  company_name: string | null;
  phone: string | null;
  website: string | null;
  city: string | null;
  country: string | null;
  desk_account_id: string | null;
  synced_hash: string | null;
}

const UPDATE_SETTING = `mutation ($input: BooksContactSyncInput!) {
  updateBooksContactSync(input: $input) { enabled }
}`;
const ACCOUNT_FIELDS = 'id name website phone industry city country';
const CREATE_ACCOUNT = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const UPDATE_ACCOUNT = `mutation ($id: ID!, $input: UpdateAccountInput!) {
  updateAccount(id: $id, input: $input) { ${ACCOUNT_FIELDS} }
}`;

/** The hash both sides have when a books contact holds exactly the desk account's values. */
const deskHash = (account: DeskAccount) =>
  contactSyncHash(MAPPING, mappedValues(MAPPING, deskAccountValues(account)));

describe('BKS-4/BKS-5: contact sync runs between desk accounts and books contacts', () => {
  let graph: Graph;
  const { sql } = sqlOn(() => graph.dataSources.books);
  const state = booksState(() => graph.dataSources.books);
  const tag = `Books sync test ${randomUUID().slice(0, 8)}`;
  let settingBefore: Record<string, unknown>;
  let contactsBefore: unknown[];
  let runsBefore: string[];
  const createdAccounts: string[] = [];
  let deskAccounts: number;

  const setting = (input: {
    direction?: 'TWO_WAY' | 'TO_BOOKS';
    conflictPolicy?: 'DUPLICATE' | 'OVERWRITE' | 'SKIP';
    deleteEarlierRecords?: boolean;
    enabled?: boolean;
  }) =>
    mutateOk(graph, 'admin', UPDATE_SETTING, {
      input: {
        enabled: input.enabled ?? true,
        module: 'ACCOUNTS',
        recordFilter: { kind: 'INDUSTRY', value: tag },
        direction: input.direction ?? 'TWO_WAY',
        conflictPolicy: input.conflictPolicy ?? 'SKIP',
        deleteEarlierRecords: input.deleteEarlierRecords ?? false,
        mapping: MAPPING,
      },
    });

  const sync = (): Promise<SyncRun> => succeededSync(graph, 'CONTACTS');

  const updateAccount = (id: string, input: Partial<Omit<DeskAccount, 'id'>>) =>
    mutateOk<DeskAccount>(graph, 'admin', UPDATE_ACCOUNT, { id, input });

  async function deskAccount(id: string): Promise<DeskAccount> {
    const [row] = await sql<DeskAccount>(
      `SELECT id, name, website, phone, industry, city, country FROM desk.account WHERE id = $1`,
      [id],
    );
    return row;
  }

  const linkedContact = async (accountId: string): Promise<ContactRow | undefined> =>
    (
      await sql<ContactRow>(
        `SELECT id, name, company_name, phone, website, city, country, desk_account_id, synced_hash
         FROM books.contact WHERE desk_account_id = $1`,
        [accountId],
      )
    )[0];

  async function newAccount(name: string): Promise<DeskAccount> {
    const account = await mutateOk<DeskAccount>(graph, 'admin', CREATE_ACCOUNT, {
      input: { name: `${name} ${tag}`, phone: '+1 555 0100', city: 'Lyon', industry: tag },
    });
    createdAccounts.push(account.id);
    return account;
  }

  /** The counts of a run in which all but `changed` of this file's accounts were left alone. */
  const counts = (changed: Omit<Partial<SyncCounts>, 'unchanged'>): SyncCounts => {
    const { added = 0, updated = 0, deleted = 0, failed = 0 } = changed;
    const unchanged = createdAccounts.length - added - updated - failed;
    return { added, updated, unchanged, deleted, failed };
  };

  let overwrite: DeskAccount;
  let skip: DeskAccount;
  let duplicate: DeskAccount;
  let oneWay: DeskAccount;

  beforeAll(async () => {
    graph = await startSyncGraph(BATCH);
    [settingBefore] = await sql(
      `SELECT enabled, module, record_filter, direction, conflict_policy, delete_earlier_records,
         mapping, updated_at::text FROM books.contact_sync_setting WHERE id = 1`,
    );
    contactsBefore = await state.rows('contact');
    runsBefore = await syncRunIds(graph);
    overwrite = await newAccount('Overwrite');
    skip = await newAccount('Skip');
    duplicate = await newAccount('Duplicate');
    oneWay = await newAccount('One way');
    [{ count: deskAccounts }] = await sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM desk.account',
    );
    await setting({});
  });

  afterAll(async () => {
    if (!graph) return;
    try {
      if (settingBefore) {
        const s = settingBefore;
        await sql(
          `UPDATE books.contact_sync_setting SET enabled = $1, module = $2, record_filter = $3,
             direction = $4, conflict_policy = $5, delete_earlier_records = $6, mapping = $7,
             updated_at = $8::timestamptz WHERE id = 1`,
          [
            s.enabled,
            s.module,
            JSON.stringify(s.record_filter),
            s.direction,
            s.conflict_policy,
            s.delete_earlier_records,
            JSON.stringify(s.mapping),
            s.updated_at,
          ],
        );
        // Every books contact back as it was: made ones removed, changed or deleted ones restored.
        await state.restoreRows('contact', contactsBefore, [
          'name',
          'company_name',
          'email',
          'phone',
          'website',
          'city',
          'country',
          'desk_account_id',
          'desk_contact_id',
          'desk_synced_at',
          'synced_hash',
          'updated_at',
        ]);
        await sql('DELETE FROM desk.account WHERE id = ANY($1)', [createdAccounts]);
        await removeRunsSince(graph, runsBefore);
      }
    } finally {
      await graph.stop();
    }
  });

  it('gives each new desk account the filter covers a books contact, linked and hashed', async () => {
    const done = await sync();
    // Every desk account is read; the filter decides which are synced.
    expect(done.progress.total).toBeGreaterThanOrEqual(deskAccounts);
    expect(done.progress.processed).toBe(done.progress.total);
    expect(done).toMatchObject({
      direction: 'BOTH_WAYS',
      counts: counts({ added: 4 }),
      failures: { totalCount: 0 },
    });
    for (const account of [overwrite, skip, duplicate, oneWay]) {
      expect(await linkedContact(account.id)).toMatchObject({
        name: account.name,
        company_name: account.name,
        phone: '+1 555 0100',
        city: 'Lyon',
        website: null,
        country: null,
        synced_hash: deskHash(account),
      });
    }
    // The demo accounts the filter leaves out were not touched.
    const [{ count }] = await sql<{ count: number }>(
      "SELECT count(*)::int AS count FROM books.contact WHERE desk_synced_at > now() - interval '1 minute'",
    );
    expect(count).toBe(4);
  });

  it('changes nothing when run again', async () => {
    expect((await sync()).counts).toEqual(counts({}));
  });

  it('writes a change made in books only back to desk (TWO_WAY)', async () => {
    const contact = await linkedContact(overwrite.id);
    await sql(`UPDATE books.contact SET city = 'Nantes' WHERE id = $1`, [contact?.id]);
    expect((await sync()).counts).toEqual(counts({ updated: 1 }));
    overwrite = await deskAccount(overwrite.id);
    expect(overwrite.city).toBe('Nantes');
    expect((await linkedContact(overwrite.id))?.synced_hash).toBe(deskHash(overwrite));
  });

  it('OVERWRITE: desk’s version wins in books when both sides changed', async () => {
    await setting({ conflictPolicy: 'OVERWRITE' });
    overwrite = await updateAccount(overwrite.id, { phone: '+1 555 0111' });
    await sql(`UPDATE books.contact SET phone = '+1 555 0999' WHERE desk_account_id = $1`, [
      overwrite.id,
    ]);
    expect((await sync()).counts).toEqual(counts({ updated: 1 }));
    expect(await linkedContact(overwrite.id)).toMatchObject({
      phone: '+1 555 0111',
      synced_hash: deskHash(overwrite),
    });
    expect((await deskAccount(overwrite.id)).phone).toBe('+1 555 0111');
  });

  it('DUPLICATE: keeps the books contact, unlinked, and makes a new one from desk’s version', async () => {
    await setting({ conflictPolicy: 'DUPLICATE' });
    duplicate = await updateAccount(duplicate.id, { phone: '+1 555 0222' });
    const old = await linkedContact(duplicate.id);
    await sql(`UPDATE books.contact SET phone = '+1 555 0888' WHERE id = $1`, [old?.id]);
    expect((await sync()).counts).toEqual(counts({ added: 1 }));
    const [kept] = await sql<ContactRow>(
      'SELECT phone, desk_account_id, synced_hash FROM books.contact WHERE id = $1',
      [old?.id],
    );
    expect(kept).toEqual({ phone: '+1 555 0888', desk_account_id: null, synced_hash: null });
    const fresh = await linkedContact(duplicate.id);
    expect(fresh?.id).not.toBe(old?.id);
    expect(fresh).toMatchObject({ phone: '+1 555 0222', synced_hash: deskHash(duplicate) });
    expect((await deskAccount(duplicate.id)).phone).toBe('+1 555 0222');
  });

  it('SKIP: leaves both sides as they are and reports the record', async () => {
    await setting({ conflictPolicy: 'SKIP' });
    skip = await updateAccount(skip.id, { phone: '+1 555 0333' });
    const before = await linkedContact(skip.id);
    await sql(`UPDATE books.contact SET phone = '+1 555 0777' WHERE id = $1`, [before?.id]);
    const done = await sync();
    expect(done.counts).toEqual(counts({ failed: 1 }));
    expect(done.failures.nodes).toEqual([
      { record: `account ${skip.name}`, reason: 'changed on both sides' },
    ]);
    expect(await linkedContact(skip.id)).toMatchObject({
      id: before?.id,
      phone: '+1 555 0777',
      synced_hash: before?.synced_hash,
    });
    expect((await deskAccount(skip.id)).phone).toBe('+1 555 0333');
    // Once books agrees with desk again, the record is in sync without a write.
    await sql(`UPDATE books.contact SET phone = '+1 555 0333' WHERE id = $1`, [before?.id]);
    expect((await sync()).counts).toEqual(counts({}));
    expect((await linkedContact(skip.id))?.synced_hash).toBe(deskHash(skip));
  });

  it('TO_BOOKS never writes to desk, even when only books changed, and still takes desk’s changes', async () => {
    await setting({ direction: 'TO_BOOKS', conflictPolicy: 'OVERWRITE' });
    const contact = await linkedContact(oneWay.id);
    await sql(`UPDATE books.contact SET city = 'Lille' WHERE id = $1`, [contact?.id]);
    const done = await sync();
    expect(done.direction).toBe('FROM_DESK');
    expect(done.counts).toEqual(counts({}));
    expect(await deskAccount(oneWay.id)).toEqual(oneWay);
    expect(await linkedContact(oneWay.id)).toMatchObject({
      city: 'Lille',
      synced_hash: contact?.synced_hash,
    });

    const changed = await updateAccount(skip.id, { website: 'https://skip.example' });
    expect((await sync()).counts).toEqual(counts({ updated: 1 }));
    expect((await linkedContact(skip.id))?.website).toBe('https://skip.example');
    expect(await deskAccount(skip.id)).toEqual(changed);
    await setting({});
  });

  it('deleteEarlierRecords: deletes the books contacts of accounts the filter no longer covers, unlinking those with transactions', async () => {
    oneWay = await updateAccount(oneWay.id, { industry: `${tag} (left)` });
    const oneWayContact = await linkedContact(oneWay.id);
    // Every other linked contact is of an account the filter never covered: the demo's.
    const others = await sql<{ id: string; billed: boolean }>(
      `SELECT c.id, EXISTS (SELECT 1 FROM books.transaction t WHERE t.contact_id = c.id) AS billed
       FROM books.contact c
       WHERE c.desk_account_id IS NOT NULL AND NOT (c.desk_account_id = ANY($1))`,
      [createdAccounts],
    );
    await setting({ deleteEarlierRecords: true });
    const done = await sync();
    const billed = others.filter((o) => o.billed).map((o) => o.id);
    // The one-way account's contact has no transactions: it goes with the unbilled others.
    expect(done.counts).toEqual({
      added: 0,
      updated: 0,
      unchanged: createdAccounts.length - 1,
      deleted: others.length - billed.length + 1,
      failed: billed.length,
    });
    expect(done.failures.totalCount).toBe(billed.length);
    for (const failure of done.failures.nodes) {
      expect(failure.reason).toMatch(/has transactions: unlinked, not deleted/);
    }
    const remaining = await sql<{ id: string; desk_account_id: string | null }>(
      'SELECT id, desk_account_id FROM books.contact WHERE id = ANY($1)',
      [[...others.map((o) => o.id), oneWayContact?.id]],
    );
    expect(remaining.map((r) => r.id).sort()).toEqual([...billed].sort());
    expect(remaining.every((r) => r.desk_account_id === null)).toBe(true);
    for (const account of [overwrite, skip, duplicate]) {
      expect(await linkedContact(account.id)).toBeDefined();
    }
    await setting({});
  });

  it('returns a queued or running run instead of starting another, and refuses while off', async () => {
    const first = await startSync(graph, 'CONTACTS');
    const second = await startSync(graph, 'CONTACTS');
    // A run of several chunks, each picked up by a polling worker, lasts far longer than this.
    expect(first.started).toBe(true);
    expect(second).toMatchObject({ started: false, run: { id: first.run.id } });
    await finished(graph, first.run.id);

    await setting({ enabled: false });
    const off = await graph.query('admin', START_SYNC, { dataType: 'CONTACTS' });
    expectError(off, 'BAD_USER_INPUT', ['startBooksSync']);
    expect(off.errors?.[0].message).toMatch(/updateBooksContactSync/);
    expectError(await graph.query('agent', START_SYNC, { dataType: 'CONTACTS' }), 'FORBIDDEN');
    await setting({});
  });
});
