import { day, instantBetween, TODAY } from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import type { Item, ItemStatus } from '../entities/Item';
import { fromCents, toCents } from './money';
import type { DemoOrganization, Organizations } from './organizations';
import { ITEM_KINDS } from './vocabulary';

const ITEM_STATUSES: readonly ItemStatus[] = ['ACTIVE', 'INACTIVE'];
const INACTIVE_SHARE = 0.1;
const YEN_PER_DOLLAR = 150;
/** Wholesale sells whole cases at a discount on the single-unit list price. */
const CASE_SIZES = [10, 20, 50] as const;
const CASE_DISCOUNT = 0.85;
/** Items are set up in the organization's first weeks. */
const LAST_CREATED_DAY = 20;

export interface Items {
  trading: Item[];
  wholesale: Item[];
}

export function generateItems(
  random: Random,
  scale: number,
  { trading, wholesale }: Organizations,
): Items {
  const tradingEntries = catalogue(Math.max(25, Math.round(150 * scale)));
  const statuses = tradingEntries.map(() => statusOf(random));
  coverEveryValue(random, statuses, ITEM_STATUSES);
  const wholesaleCount = Math.max(5, Math.round(10 * scale));
  const wholesaleEntries = random.sample(
    catalogue(Math.max(ITEM_KINDS.length, wholesaleCount)),
    wholesaleCount,
  );
  return {
    trading: tradingEntries.map(({ kind, variant, series }, index) =>
      item(random, trading, statuses[index], {
        sku: `${kind.code}-${String(index + 1).padStart(4, '0')}`,
        name: `${kind.name}, ${kind.variants[variant]}${series === 0 ? '' : ` (Series ${series + 1})`}`,
        description: kind.description,
        dollars: kind.price * (1 + 0.2 * variant) * (1 + 0.1 * series),
        unit: kind.unit,
      }),
    ),
    wholesale: wholesaleEntries.map(({ kind, variant }, index) => {
      const size = random.pick(CASE_SIZES);
      return item(random, wholesale, statusOf(random), {
        sku: `CASE-${kind.code}-${String(index + 1).padStart(3, '0')}`,
        name: `${kind.name}, ${kind.variants[variant]}, case of ${size}`,
        description: kind.description,
        dollars: kind.price * (1 + 0.2 * variant) * size * CASE_DISCOUNT,
        unit: 'case',
      });
    }),
  };
}

function statusOf(random: Random): ItemStatus {
  return random.chance(INACTIVE_SHARE) ? 'INACTIVE' : 'ACTIVE';
}

interface CatalogueEntry {
  kind: (typeof ITEM_KINDS)[number];
  variant: number;
  series: number;
}

/**
 * The first `count` entries of the catalogue: every kind's first variant, then every kind's
 * second, and so on, so even the smallest seed stocks every kind. Beyond the word lists (large
 * scales) later series of the same items follow, as desk's product generations do.
 */
function catalogue(count: number): CatalogueEntry[] {
  const variants = Math.max(...ITEM_KINDS.map((kind) => kind.variants.length));
  const entries: CatalogueEntry[] = [];
  for (let series = 0; entries.length < count; series += 1) {
    for (let variant = 0; variant < variants; variant += 1) {
      for (const kind of ITEM_KINDS) {
        if (variant < kind.variants.length) entries.push({ kind, variant, series });
      }
    }
  }
  return entries.slice(0, count);
}

function item(
  random: Random,
  organization: DemoOrganization,
  status: ItemStatus,
  what: { sku: string; name: string; description: string | null; dollars: number; unit: string },
): Item {
  const rate = rounded(
    organization.currency === 'JPY' ? what.dollars * YEN_PER_DOLLAR : what.dollars,
    organization,
  );
  const createdAt = instantBetween(random, organization.createdAt, day(LAST_CREATED_DAY));
  return {
    id: random.uuid(),
    organizationId: organization.id,
    sku: what.sku,
    name: what.name,
    description: what.description,
    rate,
    purchaseRate: rounded(rate * (0.55 + 0.2 * random.next()), organization),
    unit: what.unit,
    // Discontinued items are sold out; a few active ones are too.
    stockOnHand: status === 'INACTIVE' || random.chance(0.05) ? 0 : random.int(5, 400),
    status,
    createdAt,
    updatedAt: instantBetween(random, createdAt, TODAY),
  };
}

/** Yen prices are whole and end in zero; dollar prices keep their cents. */
function rounded(amount: number, organization: DemoOrganization): number {
  if (organization.currency === 'USD') return fromCents(toCents(amount));
  return Math.max(10, Math.round(amount / 10) * 10);
}
