import { BoundedLabel } from './metrics';

describe('BoundedLabel', () => {
  it('keeps the first names, shares `other` beyond the cap and calls a missing name anonymous', () => {
    const label = new BoundedLabel(2);
    expect(label.of('A')).toBe('A');
    expect(label.of('B')).toBe('B');
    expect(label.of('C')).toBe('other');
    expect(label.of('A')).toBe('A');
    expect(label.of(undefined)).toBe('anonymous');
    expect(label.of(null)).toBe('anonymous');
    expect(label.of('')).toBe('anonymous');
  });
});
