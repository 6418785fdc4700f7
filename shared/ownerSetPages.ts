import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { eachGroup, groupBy, isUuid } from './loaders';
import {
  type Connection,
  type CursorValue,
  decodeCursor,
  type PageArgs,
  type PageLimits,
  pageSize,
  toConnection,
  withCursor,
} from './pagination';

/**
 * A page of a list that belongs to a set of owners rather than one parent: an account's panel
 * lists the sales orders of all its contacts' customer records, a contact's panel those of one.
 */
export interface OwnerSetPageKey extends PageArgs {
  ownerIds: readonly string[];
  /** Narrows this key's rows to one value of `narrowColumn` (e.g. "from this ticket"). */
  narrowTo?: string | null;
  /** column = value conditions, the same for every key they are given with. */
  equals?: Record<string, string | null | undefined>;
  /** column IN (values) conditions. */
  anyOf?: Record<string, readonly string[]>;
}

export interface OwnerSetListSpec<E extends { id: string }> {
  db: DataSource;
  /** FROM clause; the listed rows' alias is `d` (e.g. `inventory.sales_order d`). */
  from: string;
  /** Expression holding a row's owner id, e.g. `d.customer_id`. */
  ownerColumn: string;
  narrowColumn?: string;
  /** A fixed condition every listed row meets, written by the spec's author. */
  where?: string;
  /** Ordering expression and its SQL type; `d.id` breaks ties. */
  orderColumn: string;
  orderType: 'date' | 'timestamptz';
  orderValue: (row: E) => CursorValue;
  /** Loads the page's rows by id in one statement. */
  load: (ids: string[]) => Promise<E[]>;
  limits: PageLimits;
}

/** Only column names the spec's author wrote may reach SQL; values always travel as parameters. */
const COLUMN = /^[a-z_]+(\.[a-z_]+)?$/;

function conditionColumn(column: string): string {
  if (!COLUMN.test(column)) throw new Error(`Not a column: ${column}`);
  return column.includes('.') ? column : `d.${column}`;
}

/**
 * Pages for many owner sets in a fixed number of statements: one ranking statement per distinct
 * (first, after, conditions), one to load the rows, and one grouped count when totalCount is
 * asked for. Each key becomes a numbered panel joined to its owners through `unnest`, so the
 * number of statements depends on neither the number of panels nor the number of owners.
 */
export function ownerSetPageLoader<E extends { id: string }>(
  spec: OwnerSetListSpec<E>,
): DataLoader<OwnerSetPageKey, Connection<E>, string> {
  const cacheKey = (key: OwnerSetPageKey) =>
    JSON.stringify([
      [...key.ownerIds].sort(),
      key.narrowTo ?? null,
      key.first ?? null,
      key.after ?? null,
      key.equals ?? {},
      key.anyOf ?? {},
    ]);

  const where = (key: OwnerSetPageKey, params: unknown[]): string[] => {
    const conditions: string[] = spec.where ? [spec.where] : [];
    for (const [column, value] of Object.entries(key.equals ?? {})) {
      if (value === null || value === undefined) continue;
      params.push(value);
      conditions.push(`${conditionColumn(column)} = $${params.length}`);
    }
    for (const [column, values] of Object.entries(key.anyOf ?? {})) {
      params.push(values);
      conditions.push(`${conditionColumn(column)} = ANY($${params.length}::text[])`);
    }
    return conditions;
  };

  /** The panels of a group as parallel arrays for unnest: one entry per (panel, owner). */
  const panelArrays = (group: OwnerSetPageKey[]) => {
    const panels: number[] = [];
    const owners: string[] = [];
    const narrows: (string | null)[] = [];
    group.forEach((key, panel) => {
      for (const owner of new Set(key.ownerIds)) {
        if (!isUuid(owner)) continue;
        panels.push(panel);
        owners.push(owner);
        narrows.push(key.narrowTo ?? null);
      }
    });
    return [panels, owners, narrows] as const;
  };

  const joinPanels = () => {
    const narrow = spec.narrowColumn
      ? ` AND (p.narrow IS NULL OR ${spec.narrowColumn} = p.narrow)`
      : '';
    return `FROM unnest($1::int[], $2::uuid[], $3::uuid[]) AS p(panel, owner, narrow)
      JOIN ${spec.from} ON ${spec.ownerColumn} = p.owner${narrow}`;
  };

  const counts = new DataLoader<OwnerSetPageKey, number, string>(
    async (keys) => {
      const result = new Map<OwnerSetPageKey, number>();
      const groups = groupBy([...keys], (key) =>
        JSON.stringify([key.equals ?? {}, key.anyOf ?? {}]),
      );
      for (const group of groups.values()) {
        const params: unknown[] = [...panelArrays(group)];
        const conditions = where(group[0], params);
        const rows: { panel: number; count: string }[] = await spec.db.query(
          `SELECT p.panel, count(DISTINCT d.id) AS count ${joinPanels()}
           ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
           GROUP BY p.panel`,
          params,
        );
        const byPanel = new Map(rows.map((row) => [Number(row.panel), Number(row.count)]));
        group.forEach((key, panel) => result.set(key, byPanel.get(panel) ?? 0));
      }
      return keys.map((key) => result.get(key) ?? 0);
    },
    { cacheKeyFn: cacheKey },
  );

  return new DataLoader<OwnerSetPageKey, Connection<E>, string>(
    async (keys) => {
      const results = new Map<OwnerSetPageKey, Connection<E> | Error>();
      const groups = groupBy([...keys], (key) =>
        JSON.stringify([key.first ?? null, key.after ?? null, key.equals ?? {}, key.anyOf ?? {}]),
      );
      await eachGroup(groups.values(), results, async (group) => {
        const { first, after } = group[0];
        const size = pageSize(first, spec.limits);
        const params: unknown[] = [...panelArrays(group)];
        const conditions = where(group[0], params);
        if (after) {
          const [value, id] = decodeCursor(after, 2);
          params.push(value, id);
          conditions.push(
            `(${spec.orderColumn}, d.id) < ($${params.length - 1}::${spec.orderType}, $${params.length}::uuid)`,
          );
        }
        params.push(size + 1);
        const ranked: { panel: number; id: string }[] = await withCursor(
          after,
          spec.db.query(
            `SELECT ranked.panel, ranked.id FROM (
             SELECT p.panel, d.id, ROW_NUMBER() OVER (
               PARTITION BY p.panel ORDER BY ${spec.orderColumn} DESC, d.id DESC) AS rank
             ${joinPanels()}
             ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
           ) ranked WHERE ranked.rank <= $${params.length} ORDER BY ranked.panel, ranked.rank`,
            params,
          ),
        );
        const ids = [...new Set(ranked.map((row) => row.id))];
        const rows = new Map((ids.length ? await spec.load(ids) : []).map((row) => [row.id, row]));
        const byPanel = groupBy(ranked, (row) => Number(row.panel));
        group.forEach((key, panel) => {
          const own = (byPanel.get(panel) ?? []).map((row) => rows.get(row.id) as E);
          results.set(
            key,
            toConnection(
              own,
              size,
              (row) => [spec.orderValue(row), row.id],
              () => counts.load(key),
            ),
          );
        });
      });
      return keys.map((key) => results.get(key) as Connection<E> | Error);
    },
    { cacheKeyFn: cacheKey },
  );
}
