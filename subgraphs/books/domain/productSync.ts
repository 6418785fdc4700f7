import { createHash } from 'node:crypto';

/** The fields an item and its desk product share, by the item's names. */
export interface SharedItemFields {
  name: string;
  /** Desk's product code. */
  sku: string;
  /** Desk's unit price. */
  rate: number;
  active: boolean;
}

/**
 * BKS-6: the fields an item and its desk product share (name, SKU as code, rate as unit price,
 * active), hashed as item.synced_hash when both sides last agreed, like a contact's
 * (domain/contactSync). Pass either side's values: they hash alike when the two agree.
 */
export function itemSyncHash(item: SharedItemFields): string {
  const canonical = [item.name.trim(), item.sku.trim(), item.rate.toFixed(2), item.active];
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}

/** A desk product's shared fields by the item's names. */
export function deskProductValues(product: {
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
}): SharedItemFields {
  return {
    name: product.name,
    sku: product.code,
    rate: product.unitPrice,
    active: product.active,
  };
}

const suffixOf = (deskProductId: string) => `-${deskProductId.slice(0, 8)}`;

/**
 * The SKU for an item that takes a desk product's code when another item of the organization
 * already has that code (SKUs are unique per organization, compared by the sync without case so
 * that "w-1" and "W-1" never both appear): the code with the first 8 characters of the desk
 * product's id. It depends on nothing but the product, so a redone chunk or a later run picks
 * the same one.
 */
export function suffixedSku(code: string, deskProductId: string): string {
  return `${code.trim()}${suffixOf(deskProductId)}`;
}

/**
 * The hashes an item linked to a desk product stands for: its values as they are, and, when its
 * SKU carries that product's suffix (suffixedSku), its values with the code the suffix was added
 * to. Either one matching a hash counts as a match: an item that could not take desk's code is
 * still in agreement with desk, and a TO_BOOKS run, which never sends the suffix to desk, would
 * otherwise see a books change on every run, and a conflict at desk's next change.
 */
export function linkedItemHashes(item: SharedItemFields, deskProductId: string): string[] {
  const hashes = [itemSyncHash(item)];
  const sku = item.sku.trim();
  const suffix = suffixOf(deskProductId);
  if (sku.length > suffix.length && sku.endsWith(suffix)) {
    hashes.push(itemSyncHash({ ...item, sku: sku.slice(0, -suffix.length) }));
  }
  return hashes;
}
