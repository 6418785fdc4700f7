import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { badUserInput, notFound } from './errors';
import { isUuid } from './loaders';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredText(field: string, value: string | null | undefined): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw badUserInput(`${field} must not be empty`, { field });
  return trimmed;
}

export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function email(field: string, value: string): string {
  const normalised = requiredText(field, value).toLowerCase();
  if (!EMAIL.test(normalised)) {
    throw badUserInput(`${field} "${value}" is not a valid e-mail address`, { field });
  }
  return normalised;
}

/** Loads rows that an input names, failing with NOT_FOUND for the first id that does not exist. */
export async function existing<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  typeName: string,
  ids: readonly string[],
): Promise<Map<string, E>> {
  const unique = [...new Set(ids)];
  const valid = unique.filter(isUuid);
  const rows =
    valid.length === 0 ? [] : await manager.find(entity, { where: { id: In(valid) } as never });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length > 0) throw notFound(typeName, missing.join('", "'));
  return byId;
}

export async function existingOne<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  typeName: string,
  id: string,
): Promise<E> {
  const rows = await existing(manager, entity, typeName, [id]);
  return rows.get(id) as E;
}

/** Postgres unique violations become a CONFLICT naming the value instead of an internal error. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}
