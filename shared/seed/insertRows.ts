import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/** Rows per INSERT: large enough to be fast, far below Postgres' 65,535 parameters per query. */
const CHUNK_SIZE = 500;

/**
 * Inserts rows with multi-row INSERTs. The column list is taken from the rows themselves, so
 * values the generator sets are written even where the entity leaves them to the database
 * (ticket numbers, ids, timestamps). Nothing is read back, which keeps large seeds quick.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHUNK_SIZE);
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity, Object.keys(chunk[0]))
      .values(chunk as QueryDeepPartialEntity<T>[])
      .updateEntity(false)
      .execute();
  }
}
