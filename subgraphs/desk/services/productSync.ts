import { EntityManager, In } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import { groupBy, isUuid } from '../../../shared/loaders';
import type { DeskContext } from '../context';
import { Department, Product, ProductDepartment } from '../entities';

/** One call is one transaction; a larger catalogue is sent in several calls. */
export const MAX_PRODUCTS_PER_SYNC = 500;

/** product.unit_price is numeric(12,2): anything larger would fail in PostgreSQL. */
const MAX_UNIT_PRICE = 9_999_999_999.99;

export type ProductSyncChange = 'ADDED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';

export interface ProductSyncInput {
  externalId: string;
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
  departmentIds: string[];
}

export interface SyncProductsInput {
  source: string;
  products: ProductSyncInput[];
}

export interface ProductSyncOutcome {
  externalId: string;
  change: ProductSyncChange;
  product: Product | null;
  error: string | null;
}

/** A record that passed every check, with the values to store. */
interface Candidate {
  index: number;
  externalId: string;
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
  /** Sorted and without repeats, so that two sets compare as strings. */
  departmentIds: string[];
}

interface Planned extends Candidate {
  change: 'ADDED' | 'UPDATED' | 'UNCHANGED';
  stored: Product | undefined;
  storedDepartmentIds: string[];
  /** Name, code, price or active flag differ from the stored row (or there is none yet). */
  fieldsChanged: boolean;
  departmentsChanged: boolean;
}

function unitPriceProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'unitPrice must be a finite number';
  if (value < 0) return 'unitPrice must not be negative';
  if (value > MAX_UNIT_PRICE) return `unitPrice must not exceed ${MAX_UNIT_PRICE}`;
  // PostgreSQL would round a third decimal away, and every later sync would then see a change.
  if (Number(value.toFixed(2)) !== value) return 'unitPrice must have at most 2 decimal places';
  return null;
}

export interface ProductFieldProblem {
  field: 'name' | 'code' | 'unitPrice';
  message: string;
}

/** What is wrong with a product's own fields, whoever writes them (a sync, updateProduct). */
export function productFieldProblems(product: {
  name: string;
  code: string;
  unitPrice: number;
}): ProductFieldProblem[] {
  const problems: ProductFieldProblem[] = [];
  if (product.name.trim() === '')
    problems.push({ field: 'name', message: 'name must not be empty' });
  if (product.code.trim() === '')
    problems.push({ field: 'code', message: 'code must not be empty' });
  const price = unitPriceProblem(product.unitPrice);
  if (price) problems.push({ field: 'unitPrice', message: price });
  return problems;
}

/** The refusal of a code another product already has. */
export const codeTakenProblem = (code: string, holder: Product): string =>
  `code "${code}" is already used by another product ("${holder.name}")`;

/**
 * Codes are checked against what is stored, then written: no other writer of products (a sync,
 * above all) may slip in between and turn a checked record into a unique violation that would
 * fail a whole call. Readers and ticket links are not blocked.
 */
export async function lockProductsForWriting(manager: EntityManager): Promise<void> {
  await manager.query('LOCK TABLE desk.product IN SHARE ROW EXCLUSIVE MODE');
}

/** The checks that need nothing but the record itself. */
function ownProblems(product: ProductSyncInput): string[] {
  const problems: string[] = [];
  if (product.externalId.trim() === '') problems.push('externalId must not be empty');
  problems.push(...productFieldProblems(product).map((problem) => problem.message));
  return problems;
}

/** Values given to more than one record of the call: no record can tell which one is meant. */
function repeated(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    if (value.trim() === '') continue;
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return twice;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.join(',') === b.join(',');

async function existingDepartmentIds(
  manager: EntityManager,
  products: readonly ProductSyncInput[],
): Promise<Set<string>> {
  const ids = [...new Set(products.flatMap((p) => p.departmentIds))].filter(isUuid);
  if (ids.length === 0) return new Set();
  const rows = await manager.find(Department, { select: { id: true }, where: { id: In(ids) } });
  return new Set(rows.map((row) => row.id));
}

/** The source's products the call names, and any product holding one of the call's codes. */
async function storedProducts(
  manager: EntityManager,
  source: string,
  externalIds: readonly string[],
  codes: readonly string[],
): Promise<Product[]> {
  return manager
    .createQueryBuilder(Product, 'product')
    .where('product.external_source = :source AND product.external_id = ANY(:externalIds)', {
      source,
      externalIds,
    })
    .orWhere('product.code = ANY(:codes)', { codes })
    .getMany();
}

async function departmentIdsOf(
  manager: EntityManager,
  products: readonly Product[],
): Promise<Map<string, string[]>> {
  if (products.length === 0) return new Map();
  const links = await manager.find(ProductDepartment, {
    where: { productId: In(products.map((p) => p.id)) },
  });
  const byProduct = groupBy(links, (link) => link.productId);
  return new Map(
    [...byProduct].map(([id, rows]) => [id, rows.map((row) => row.departmentId).sort()]),
  );
}

/**
 * Creates or updates, in one statement, the products whose own fields are new or changed, and
 * returns their ids by externalId. The partial unique index on (external_source, external_id)
 * is the conflict target.
 */
async function upsertProducts(
  manager: EntityManager,
  source: string,
  rows: readonly Planned[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const written: { id: string; external_id: string }[] = await manager.query(
    `INSERT INTO desk.product (external_source, external_id, name, code, unit_price, active)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::boolean[])
     ON CONFLICT (external_source, external_id)
       WHERE external_source IS NOT NULL AND external_id IS NOT NULL
     DO UPDATE SET name = excluded.name, code = excluded.code,
       unit_price = excluded.unit_price, active = excluded.active
     RETURNING id, external_id`,
    [
      source,
      rows.map((r) => r.externalId),
      rows.map((r) => r.name),
      rows.map((r) => r.code),
      rows.map((r) => r.unitPrice),
      rows.map((r) => r.active),
    ],
  );
  return new Map(written.map((row) => [row.external_id, row.id]));
}

/** Adds and removes exactly the department links that differ from what is stored. */
async function relinkDepartments(
  manager: EntityManager,
  rows: readonly (Planned & { productId: string })[],
): Promise<void> {
  const added = rows.flatMap((r) =>
    r.departmentIds
      .filter((id) => !r.storedDepartmentIds.includes(id))
      .map((departmentId) => [r.productId, departmentId]),
  );
  const removed = rows.flatMap((r) =>
    r.storedDepartmentIds
      .filter((id) => !r.departmentIds.includes(id))
      .map((departmentId) => [r.productId, departmentId]),
  );
  if (removed.length > 0) {
    await manager.query(
      `DELETE FROM desk.product_department link
        USING unnest($1::uuid[], $2::uuid[]) AS gone(product_id, department_id)
        WHERE link.product_id = gone.product_id AND link.department_id = gone.department_id`,
      [removed.map(([productId]) => productId), removed.map(([, departmentId]) => departmentId)],
    );
  }
  if (added.length > 0) {
    await manager.query(
      `INSERT INTO desk.product_department (product_id, department_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [added.map(([productId]) => productId), added.map(([, departmentId]) => departmentId)],
    );
  }
}

/**
 * INV-3: turns another service's items into desk products, keyed by (source, externalId). Every
 * record is checked before anything is written; the good ones are then applied together with a
 * fixed number of set-based statements in one transaction, and the others are reported FAILED
 * with their reasons.
 */
export async function syncProducts(
  ctx: DeskContext,
  input: SyncProductsInput,
): Promise<{ results: ProductSyncOutcome[] }> {
  const source = input.source.trim();
  if (source === '') throw badUserInput('source must not be empty', { field: 'source' });
  if (input.products.length > MAX_PRODUCTS_PER_SYNC) {
    throw badUserInput(
      `At most ${MAX_PRODUCTS_PER_SYNC} products can be synced in one call, got ${input.products.length}; send them in several calls`,
      { field: 'products', limit: MAX_PRODUCTS_PER_SYNC },
    );
  }
  return ctx.db.transaction(async (manager) => {
    await lockProductsForWriting(manager);

    const problems = input.products.map(ownProblems);
    const codes = input.products.map((p) => p.code.trim());
    const repeatedExternalIds = repeated(input.products.map((p) => p.externalId));
    const repeatedCodes = repeated(codes);
    const departments = await existingDepartmentIds(manager, input.products);
    input.products.forEach((product, index) => {
      if (repeatedExternalIds.has(product.externalId)) {
        problems[index].push(
          `externalId "${product.externalId}" appears more than once in this call`,
        );
      }
      if (repeatedCodes.has(codes[index])) {
        problems[index].push(
          `code "${codes[index]}" is given to more than one product in this call`,
        );
      }
      const unknown = [...new Set(product.departmentIds)].filter((id) => !departments.has(id));
      if (unknown.length > 0) {
        problems[index].push(
          `No department has the id ${unknown.map((id) => `"${id}"`).join(', ')}`,
        );
      }
    });

    const stored = await storedProducts(
      manager,
      source,
      input.products.map((p) => p.externalId),
      codes.filter((code) => code !== ''),
    );
    const bySourceKey = new Map(
      stored.filter((p) => p.externalSource === source).map((p) => [p.externalId, p]),
    );
    const byCode = new Map(stored.map((p) => [p.code, p]));
    const storedDepartments = await departmentIdsOf(manager, [...bySourceKey.values()]);

    const planned: Planned[] = [];
    input.products.forEach((product, index) => {
      const current = bySourceKey.get(product.externalId);
      // Against the codes as stored before the call: code's unique constraint is checked row by
      // row, so a code passed from one product to another within one statement could fail it.
      const holder = byCode.get(codes[index]);
      if (holder && holder !== current) {
        problems[index].push(codeTakenProblem(codes[index], holder));
      }
      if (problems[index].length > 0) return;
      const candidate: Candidate = {
        index,
        externalId: product.externalId,
        name: product.name.trim(),
        code: codes[index],
        unitPrice: product.unitPrice,
        active: product.active,
        departmentIds: [...new Set(product.departmentIds)].sort(),
      };
      const storedDepartmentIds = current ? (storedDepartments.get(current.id) ?? []) : [];
      const fieldsChanged =
        !current ||
        current.name !== candidate.name ||
        current.code !== candidate.code ||
        current.unitPrice !== candidate.unitPrice ||
        current.active !== candidate.active;
      const departmentsChanged = !sameSet(storedDepartmentIds, candidate.departmentIds);
      planned.push({
        ...candidate,
        change: !current ? 'ADDED' : fieldsChanged || departmentsChanged ? 'UPDATED' : 'UNCHANGED',
        stored: current,
        storedDepartmentIds,
        fieldsChanged,
        departmentsChanged,
      });
    });

    const written = await upsertProducts(
      manager,
      source,
      planned.filter((p) => p.fieldsChanged),
    );
    const withIds = planned.map((p) => ({
      ...p,
      productId: (p.stored?.id ?? written.get(p.externalId)) as string,
    }));
    await relinkDepartments(
      manager,
      withIds.filter((p) => p.departmentsChanged),
    );
    const ids = withIds.map((p) => p.productId);
    const products =
      ids.length === 0 ? [] : await manager.find(Product, { where: { id: In(ids) } });
    const productById = new Map(products.map((p) => [p.id, p]));
    const outcomeByIndex = new Map(withIds.map((p) => [p.index, p]));

    return {
      results: input.products.map((product, index): ProductSyncOutcome => {
        const applied = outcomeByIndex.get(index);
        if (!applied) {
          return {
            externalId: product.externalId,
            change: 'FAILED',
            product: null,
            error: problems[index].join('; '),
          };
        }
        return {
          externalId: product.externalId,
          change: applied.change,
          product: productById.get(applied.productId) ?? null,
          error: null,
        };
      }),
    };
  });
}
