import { badUserInput } from '../../../shared/errors';
import type { BooksContext } from '../context';
import {
  type ConflictPolicy,
  type ContactSyncSettings,
  contactSyncProblems,
  type RecordFilterKind,
  type SyncDirection,
} from '../domain/contactSync';
import { ContactSyncSetting, ProductSyncSetting } from '../entities';
import { booksSyncRuns, CONTACTS_SYNC, PRODUCTS_SYNC } from '../jobs/runs';

export interface ContactSyncInput extends Omit<ContactSyncSettings, 'recordFilter'> {
  /** As the client sends it: the kind is checked by contactSyncProblems. */
  recordFilter: { kind: string; value?: string | null };
}

/** BKS-4/BKS-5: checked as a whole, stored, and read by the next contact sync run. */
export async function updateContactSync(
  ctx: BooksContext,
  input: ContactSyncInput,
): Promise<ContactSyncSetting> {
  const settings: ContactSyncSettings = {
    ...input,
    recordFilter: {
      kind: input.recordFilter.kind as RecordFilterKind,
      value: input.recordFilter.value?.trim() || null,
    },
    mapping: input.mapping.map(({ deskField, booksField }) => ({ deskField, booksField })),
  };
  const problems = contactSyncProblems(settings);
  if (problems.length > 0) throw badUserInput(problems.join('; '), { field: 'input' });
  return ctx.db.transaction(async (manager) => {
    const repository = manager.getRepository(ContactSyncSetting);
    await repository.update(
      { id: 1 },
      { ...settings, mapping: [...settings.mapping], updatedAt: new Date() },
    );
    // Switching the sync off stops what is queued or running.
    if (!settings.enabled) await booksSyncRuns.requestStopOfKind(manager, CONTACTS_SYNC);
    return repository.findOneByOrFail({ id: 1 });
  });
}

/** BKS-6. */
export async function updateProductSync(
  ctx: BooksContext,
  input: { enabled: boolean; direction: SyncDirection; conflictPolicy: ConflictPolicy },
): Promise<ProductSyncSetting> {
  return ctx.db.transaction(async (manager) => {
    const repository = manager.getRepository(ProductSyncSetting);
    await repository.update({ id: 1 }, { ...input, updatedAt: new Date() });
    if (!input.enabled) await booksSyncRuns.requestStopOfKind(manager, PRODUCTS_SYNC);
    return repository.findOneByOrFail({ id: 1 });
  });
}
