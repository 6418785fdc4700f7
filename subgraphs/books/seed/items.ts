import type { Organization } from '../../../shared/integration/entities';
import { instantBetween, startOf } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import type { Item } from '../entities/Item';
import { type ItemWord, RETIRED_ON, type Unit } from './vocabulary';

/** An item with what the line generator needs to know about it beyond its row. */
export interface CatalogueItem {
  item: Item;
  unit: Unit;
}

/**
 * Each organization's items, made soon after the organization. Product sync is off in the demo,
 * so none is linked to a desk product: desk's products are priced in dollars and Aozora Books
 * sells in yen, and pairing them would take the product sync's own rules (BKS-6).
 */
export function generateItems(
  random: Random,
  organization: Organization,
  words: readonly ItemWord[],
): CatalogueItem[] {
  return words.map((word): CatalogueItem => {
    const createdAt = instantBetween(
      random,
      organization.createdAt,
      new Date(organization.createdAt.getTime() + 30 * 86_400_000),
    );
    return {
      item: {
        id: random.uuid(),
        organizationId: organization.id,
        sku: word.sku,
        name: word.name,
        rate: word.rate,
        taxRate: word.taxRate,
        active: !word.retired,
        deskProductId: null,
        deskSyncedAt: null,
        syncedHash: null,
        createdAt,
        updatedAt: word.retired ? startOf(RETIRED_ON) : createdAt,
      },
      unit: word.unit,
    };
  });
}

/** Whether a line dated `date` may take the item: retired items only before they were. */
export function offeredOn(entry: CatalogueItem, date: string): boolean {
  return entry.item.active || date < RETIRED_ON;
}
