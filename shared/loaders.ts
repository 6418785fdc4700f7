import DataLoader from 'dataloader';
import { In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { notFound } from './errors';
import {
  Connection,
  CursorValue,
  decodeCursor,
  PageArgs,
  PageLimits,
  pageSize,
  toConnection,
  withCursor,
} from './pagination';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

type WithId = ObjectLiteral & { id: string };

/**
 * One statement per batch of ids; values come back in key order, a NOT_FOUND error standing in
 * for an id that does not exist (malformed ids are never sent to the database).
 */
export function byIdLoader<E extends WithId>(
  repository: Repository<E>,
  typeName: string,
): DataLoader<string, E> {
  return new DataLoader<string, E>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows =
      valid.length === 0 ? [] : await repository.find({ where: { id: In(valid) } as never });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? notFound(typeName, id));
  });
}

/** Loads rows by id in one statement, in no particular order (for page loaders' `load`). */
export const rowsByIds =
  <E extends WithId>(repository: Repository<E>) =>
  (ids: string[]): Promise<E[]> =>
    repository.findBy({ id: In(ids) } as never);

/**
 * The rows of many parents in one statement, grouped by the `parent` column's property and in the
 * order given within each parent (an invoice's lines by position, say).
 */
export function childrenLoader<E extends ObjectLiteral, K extends keyof E & string>(
  repository: Repository<E>,
  parent: K,
  order: Partial<Record<keyof E, 'ASC' | 'DESC'>> = {},
): DataLoader<string, E[]> {
  return groupedLoader(
    (ids: readonly string[]) =>
      repository.find({ where: { [parent]: In([...ids]) } as never, order: order as never }),
    (row: E) => row[parent] as string,
  );
}

/** Rows grouped by a key, in their original order within each group. */
export function groupBy<K, V>(rows: readonly V[], keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

/** Loads every row belonging to each key in one statement and groups them by key. */
export function groupedLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = groupBy(await fetch(keys), keyOf);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Runs each group of a DataLoader batch on its own, so that a group refused for its arguments (a
 * `first` over the maximum, a cursor this list never produced) fails only its own keys and not
 * the other lists loaded beside it in the same tick.
 */
export async function eachGroup<K, V>(
  groups: Iterable<K[]>,
  results: Map<K, V | Error>,
  load: (group: K[]) => Promise<void>,
): Promise<void> {
  for (const group of groups) {
    try {
      await load(group);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const key of group) results.set(key, failure);
    }
  }
}

export interface ChildPageKey extends PageArgs {
  parentId: string;
}

export interface ChildListSpec<E extends WithId> {
  repository: Repository<E>;
  /** Column (database name) holding the parent's id. */
  parentColumn: string;
  parentOf: (row: E) => string;
  /** Ordering column (database name) and the matching property; `id` breaks ties. */
  orderColumn: string;
  orderValue: (row: E) => CursorValue;
  direction: 'ASC' | 'DESC';
  limits: PageLimits;
}

/**
 * Pages of a nested list (an account's tickets, say) for many parents at once: one statement
 * per distinct (first, after) pair using ROW_NUMBER() per parent, plus one grouped count when a
 * client asks for totalCount. The number of statements does not grow with the number of parents.
 */
export function childPageLoader<E extends WithId>(
  spec: ChildListSpec<E>,
): DataLoader<ChildPageKey, Connection<E>, string> {
  const counts = new DataLoader<string, number>(async (parentIds) => {
    const rows: { parent: string; count: string }[] = await spec.repository
      .createQueryBuilder('child')
      .select(`child.${spec.parentColumn}`, 'parent')
      .addSelect('COUNT(*)', 'count')
      .where(`child.${spec.parentColumn} IN (:...parentIds)`, { parentIds })
      .groupBy(`child.${spec.parentColumn}`)
      .getRawMany();
    const byParent = new Map(rows.map((r) => [r.parent, Number(r.count)]));
    return parentIds.map((id) => byParent.get(id) ?? 0);
  });

  return new DataLoader<ChildPageKey, Connection<E>, string>(
    async (keys) => {
      const groups = groupBy(keys, (key) => JSON.stringify([key.first ?? null, key.after ?? null]));
      const results = new Map<ChildPageKey, Connection<E> | Error>();
      await eachGroup(groups.values(), results, async (group) => {
        const { first, after } = group[0];
        const size = pageSize(first, spec.limits);
        const parentIds = [...new Set(group.map((k) => k.parentId))].filter(isUuid);
        const rows =
          parentIds.length === 0
            ? []
            : await withCursor(after, fetchChildPages(spec, parentIds, size, after));
        const byParent = groupBy(rows, spec.parentOf);
        for (const key of group) {
          const own = byParent.get(key.parentId) ?? [];
          results.set(
            key,
            toConnection(
              own,
              size,
              (row) => [spec.orderValue(row), row.id],
              () => counts.load(key.parentId),
            ),
          );
        }
      });
      return keys.map((key) => results.get(key) as Connection<E> | Error);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parentId, key.first ?? null, key.after ?? null]) },
  );
}

async function fetchChildPages<E extends WithId>(
  spec: ChildListSpec<E>,
  parentIds: string[],
  size: number,
  after: string | null | undefined,
): Promise<E[]> {
  const comparator = spec.direction === 'ASC' ? '>' : '<';
  const ranked = spec.repository
    .createQueryBuilder('inner_child')
    .select('inner_child.id', 'id')
    .addSelect(
      `ROW_NUMBER() OVER (PARTITION BY inner_child.${spec.parentColumn} ORDER BY inner_child.${spec.orderColumn} ${spec.direction}, inner_child.id ${spec.direction})`,
      'rank',
    )
    .where(`inner_child.${spec.parentColumn} IN (:...parentIds)`);
  if (after) {
    const [value, id] = decodeCursor(after, 2);
    ranked.andWhere(
      `(inner_child.${spec.orderColumn}, inner_child.id) ${comparator} (:afterValue, :afterId)`,
    );
    ranked.setParameters({ afterValue: value, afterId: id });
  }
  const query: SelectQueryBuilder<E> = spec.repository
    .createQueryBuilder('child')
    .where(
      `child.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rank <= :limit)`,
    )
    .setParameters({ ...ranked.getParameters(), parentIds, limit: size + 1 })
    .orderBy(`child.${spec.orderColumn}`, spec.direction)
    .addOrderBy('child.id', spec.direction);
  return query.getMany();
}

/**
 * A top-level list page: applies the keyset condition for `after`, fetches one row more than
 * the page to learn whether another page exists, and counts lazily.
 */
export async function pageOf<E extends WithId>(
  query: SelectQueryBuilder<E>,
  args: PageArgs,
  order: { column: string; value: (row: E) => CursorValue; direction: 'ASC' | 'DESC' },
  limits: PageLimits,
): Promise<Connection<E>> {
  const size = pageSize(args.first, limits);
  const alias = query.alias;
  const countQuery = query.clone();
  const page = query.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after, 2);
    const comparator = order.direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${alias}.${order.column}, ${alias}.id) ${comparator} (:afterValue, :afterId)`, {
      afterValue: value,
      afterId: id,
    });
  }
  const rows = await withCursor(
    args.after,
    page
      .orderBy(`${alias}.${order.column}`, order.direction)
      .addOrderBy(`${alias}.id`, order.direction)
      .take(size + 1)
      .getMany(),
  );
  return toConnection(
    rows,
    size,
    (row) => [order.value(row), row.id],
    () => countQuery.getCount(),
  );
}

/** Like `loader.loadMany`, but fails instead of mixing errors into the values. */
export function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  return Promise.all(keys.map((key) => loader.load(key)));
}
