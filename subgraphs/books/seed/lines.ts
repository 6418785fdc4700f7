import type { Random } from '../../../shared/seed/random';
import { documentTotals } from '../domain/money';
import type { DocumentLine } from '../entities/documentLine';
import { type CatalogueItem, offeredOn } from './items';
import { CUSTOM_LINES, type Unit } from './vocabulary';

/** Share of lines typed in rather than taken from an item. */
const CUSTOM_SHARE = 0.06;
/** Share of item lines whose rate was negotiated below the item's. */
const DISCOUNT_SHARE = 0.1;

/** A line before it belongs to a document: what was entered, not yet priced. */
export interface LineDraft {
  itemId: string | null;
  description: string;
  quantity: number;
  rate: number;
  taxRate: number;
}

/** Quantities people enter for each unit: hours in quarters, seats in fives. */
function quantityOf(random: Random, unit: Unit): number {
  switch (unit) {
    case 'hour':
      return random.int(2, 64) / 4;
    case 'day':
      return random.int(1, 10) / 2;
    case 'seat':
      return random.int(1, 20) * 5;
    case 'month':
      return random.pick([1, 3, 6, 12]);
    case 'unit':
      return random.int(1, 12);
    case 'person':
      return random.int(6, 40);
    case 'job':
      return random.int(1, 3);
  }
}

/** One to four lines of what the organization offered on `date`. */
export function drawLines(
  random: Random,
  catalogue: readonly CatalogueItem[],
  currency: string,
  date: string,
  minimum = 1,
): LineDraft[] {
  const offered = catalogue.filter((entry) => offeredOn(entry, date));
  const count = Math.max(
    minimum,
    random.weighted([
      [1, 35],
      [2, 35],
      [3, 20],
      [4, 10],
    ] as const),
  );
  return random.sample(offered, count).map((entry): LineDraft => {
    const customs = CUSTOM_LINES[currency];
    if (customs && random.chance(CUSTOM_SHARE)) {
      const custom = random.pick(customs);
      return {
        itemId: null,
        description: custom.description,
        quantity: 1,
        rate: random.int(custom.rates[0], custom.rates[1]),
        taxRate: custom.taxRate,
      };
    }
    const { item } = entry;
    // A negotiated rate is a round tenth off, in whole currency units.
    const rate = random.chance(DISCOUNT_SHARE) ? Math.floor(item.rate * 0.9) : item.rate;
    return {
      itemId: item.id,
      description: item.name,
      quantity: quantityOf(random, entry.unit),
      rate,
      taxRate: item.taxRate,
    };
  });
}

/** A document's money columns and its line rows (without the column naming the document). */
export interface Priced {
  subTotal: number;
  tax: number;
  total: number;
  lines: DocumentLine[];
}

export function price(random: Random, drafts: readonly LineDraft[], currency: string): Priced {
  const totals = documentTotals(drafts, currency);
  return {
    subTotal: totals.subTotal,
    tax: totals.tax,
    total: totals.total,
    lines: drafts.map((draft, index): DocumentLine => ({
      id: random.uuid(),
      position: index + 1,
      ...draft,
      amount: totals.lines[index].amount,
    })),
  };
}
