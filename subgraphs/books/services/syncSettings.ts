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
  const repository = ctx.db.getRepository(ContactSyncSetting);
  await repository.update(
    { id: 1 },
    { ...settings, mapping: [...settings.mapping], updatedAt: new Date() },
  );
  return repository.findOneByOrFail({ id: 1 });
}

/** BKS-6. */
export async function updateProductSync(
  ctx: BooksContext,
  input: { enabled: boolean; direction: SyncDirection; conflictPolicy: ConflictPolicy },
): Promise<ProductSyncSetting> {
  const repository = ctx.db.getRepository(ProductSyncSetting);
  await repository.update({ id: 1 }, { ...input, updatedAt: new Date() });
  return repository.findOneByOrFail({ id: 1 });
}
