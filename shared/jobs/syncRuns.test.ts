import { isUuid } from '../loaders';
import { chunkJobId } from './syncRuns';

describe('chunkJobId', () => {
  const run = '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';

  it('is a UUID pg-boss accepts, the same for the same chunk of the same run', () => {
    expect(isUuid(chunkJobId(run, 1))).toBe(true);
    expect(chunkJobId(run, 1)).toBe(chunkJobId(run, 1));
  });

  it('differs between chunks and between runs', () => {
    const other = '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e60';
    const ids = new Set([chunkJobId(run, 1), chunkJobId(run, 2), chunkJobId(other, 1)]);
    expect(ids.size).toBe(3);
  });
});
