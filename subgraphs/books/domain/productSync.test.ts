import { deskProductValues, itemSyncHash, linkedItemHashes, suffixedSku } from './productSync';

describe('itemSyncHash', () => {
  const item = { name: 'Widget', sku: 'W-1', rate: 10, active: true };

  it('is alike for the same name, SKU, rate and active flag, whatever the spacing and decimals', () => {
    expect(itemSyncHash({ name: ' Widget ', sku: 'W-1 ', rate: 10.0, active: true })).toBe(
      itemSyncHash(item),
    );
    expect(itemSyncHash(item)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any synced field does', () => {
    const hash = itemSyncHash(item);
    expect(itemSyncHash({ ...item, name: 'Gadget' })).not.toBe(hash);
    expect(itemSyncHash({ ...item, sku: 'W-2' })).not.toBe(hash);
    expect(itemSyncHash({ ...item, sku: 'w-1' })).not.toBe(hash);
    expect(itemSyncHash({ ...item, rate: 10.01 })).not.toBe(hash);
    expect(itemSyncHash({ ...item, active: false })).not.toBe(hash);
  });

  it('hashes a desk product like the item that holds its values', () => {
    const product = { name: 'Widget', code: 'W-1', unitPrice: 10, active: true };
    expect(itemSyncHash(deskProductValues(product))).toBe(itemSyncHash(item));
  });
});

describe('suffixedSku', () => {
  it('appends the start of the desk product id, the same each time', () => {
    const id = '3fa2b9c1-0000-4000-8000-000000000000';
    expect(suffixedSku(' W-1 ', id)).toBe('W-1-3fa2b9c1');
    expect(suffixedSku('W-1', id)).toBe(suffixedSku('W-1', id));
  });
});

describe('linkedItemHashes', () => {
  const id = '3fa2b9c1-0000-4000-8000-000000000000';
  const item = { name: 'Widget', sku: 'W-1', rate: 10, active: true };

  it('is the item’s own hash when its SKU carries no suffix of the product', () => {
    expect(linkedItemHashes(item, id)).toEqual([itemSyncHash(item)]);
    const other = { ...item, sku: 'W-1-00000000' };
    expect(linkedItemHashes(other, id)).toEqual([itemSyncHash(other)]);
  });

  it('also stands for the code the product’s suffix was added to', () => {
    const suffixed = { ...item, sku: suffixedSku('W-1', id) };
    expect(linkedItemHashes(suffixed, id)).toEqual([itemSyncHash(suffixed), itemSyncHash(item)]);
  });

  it('takes no suffix alone for a code', () => {
    const bare = { ...item, sku: suffixedSku('', id) };
    expect(linkedItemHashes(bare, id)).toEqual([itemSyncHash(bare)]);
  });
});
