import { createHash } from 'node:crypto';

/**
 * BKS-6: the fields an item and its desk product share (name, SKU as code, rate as unit price),
 * hashed as item.synced_hash when both sides last agreed, like a contact's (domain/contactSync).
 */
export function itemSyncHash(item: { name: string; sku: string; rate: number }): string {
  const canonical = [item.name.trim(), item.sku.trim(), item.rate.toFixed(2)];
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
