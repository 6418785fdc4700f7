import type { Random } from '../../../shared/seed/random';
import type { Item } from '../entities/Item';
import { lineAmount } from './money';

/** Line items per document: mostly one or two, now and then a bigger order. */
const LINE_COUNT_WEIGHTS = [
  [1, 35],
  [2, 30],
  [3, 20],
  [4, 15],
] as const;

/** What an organization can sell now: its active items, and which of them sell in bulk. */
export interface Shelf {
  items: readonly Item[];
  /** Items cheaper than this (the median rate) are ordered in larger quantities. */
  bulkBelow: number;
}

export function shelfOf(items: readonly Item[]): Shelf {
  const active = items.filter((item) => item.status === 'ACTIVE');
  const rates = active.map((item) => item.rate).sort((a, b) => a - b);
  return { items: active, bulkBelow: rates[Math.floor(rates.length / 2)] };
}

/** A line item before it belongs to a document. */
export interface LineDraft {
  itemId: string;
  description: string | null;
  quantity: number;
  rate: number;
  amount: number;
}

/** One to four different items at their list rate, with `minUnits` units at least in all. */
export function pickLines(random: Random, shelf: Shelf, minUnits = 1): LineDraft[] {
  const items = random.sample(shelf.items, random.weighted(LINE_COUNT_WEIGHTS));
  const quantities = items.map((item) =>
    item.rate < shelf.bulkBelow ? random.int(1, 10) * 5 : random.int(1, 8),
  );
  const units = quantities.reduce((sum, quantity) => sum + quantity, 0);
  if (units < minUnits) quantities[0] += minUnits - units;
  return items.map((item, index) =>
    draftLine({ itemId: item.id, description: item.description }, quantities[index], item.rate),
  );
}

/** A line of `quantity` units at `rate`, for an item or as another document's line has it. */
export function draftLine(
  of: { itemId: string; description: string | null },
  quantity: number,
  rate: number,
): LineDraft {
  return {
    itemId: of.itemId,
    description: of.description,
    quantity,
    rate,
    amount: lineAmount(quantity, rate),
  };
}

/**
 * Some but not all of the lines' units, at least one: what a first package holds or a first
 * invoice bills. Lines need two units in all.
 */
export function someOf<T extends { quantity: number }>(
  random: Random,
  lines: readonly T[],
): Map<T, number> {
  const units = lines.flatMap((line) => Array.from({ length: line.quantity }, () => line));
  const counts = new Map<T, number>();
  for (const line of random.sample(units, random.int(1, units.length - 1))) {
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  // In the lines' order, so documents made from the part list them as the order does.
  return new Map(
    lines.flatMap((line): [T, number][] => {
      const count = counts.get(line);
      return count ? [[line, count]] : [];
    }),
  );
}

/** Every unit of the lines, or what `taken` left of them. */
export function restOf<T extends { quantity: number }>(
  lines: readonly T[],
  taken: ReadonlyMap<T, number> = new Map(),
): Map<T, number> {
  const rest = new Map<T, number>();
  for (const line of lines) {
    const left = line.quantity - (taken.get(line) ?? 0);
    if (left > 0) rest.set(line, left);
  }
  return rest;
}
