import { itemSyncHash } from './productSync';

describe('itemSyncHash', () => {
  const item = { name: 'Widget', sku: 'W-1', rate: 10 };

  it('is alike for the same name, SKU and rate, whatever the spacing and decimals', () => {
    expect(itemSyncHash({ name: ' Widget ', sku: 'W-1 ', rate: 10.0 })).toBe(itemSyncHash(item));
    expect(itemSyncHash(item)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any synced field does', () => {
    const hash = itemSyncHash(item);
    expect(itemSyncHash({ ...item, name: 'Gadget' })).not.toBe(hash);
    expect(itemSyncHash({ ...item, sku: 'W-2' })).not.toBe(hash);
    expect(itemSyncHash({ ...item, rate: 10.01 })).not.toBe(hash);
  });
});
