import { statusAndPercent } from './taskStatus';

const open = { status: 'OPEN', percentComplete: 40 } as const;
const closed = { status: 'CLOSED', percentComplete: 100 } as const;

describe('statusAndPercent', () => {
  it('starts a new task OPEN at 0 %', () => {
    expect(statusAndPercent(null, null, null)).toEqual({
      ok: true,
      value: { status: 'OPEN', percentComplete: 0 },
    });
  });

  it('closes at 100 %, either way round', () => {
    const closedAt100 = { ok: true, value: { status: 'CLOSED', percentComplete: 100 } };
    expect(statusAndPercent(open, 'CLOSED', null)).toEqual(closedAt100);
    expect(statusAndPercent(open, null, 100)).toEqual(closedAt100);
    expect(statusAndPercent(open, 'CLOSED', 100)).toEqual(closedAt100);
  });

  it('refuses a pair that contradicts itself', () => {
    expect(statusAndPercent(open, 'CLOSED', 90)).toMatchObject({
      ok: false,
      field: 'percentComplete',
    });
    expect(statusAndPercent(open, 'IN_PROGRESS', 100)).toMatchObject({ ok: false });
  });

  it('refuses a percentage outside 0..100 or with a fraction', () => {
    for (const percent of [-1, 101, 12.5]) {
      expect(statusAndPercent(open, null, percent)).toMatchObject({
        ok: false,
        field: 'percentComplete',
      });
    }
  });

  it('starts a reopened task again at 0 % unless a percentage is given', () => {
    expect(statusAndPercent(closed, 'OPEN', null)).toEqual({
      ok: true,
      value: { status: 'OPEN', percentComplete: 0 },
    });
    expect(statusAndPercent(closed, 'IN_PROGRESS', 60)).toEqual({
      ok: true,
      value: { status: 'IN_PROGRESS', percentComplete: 60 },
    });
  });

  it('reopens a closed task given a percentage below 100', () => {
    expect(statusAndPercent(closed, null, 30)).toEqual({
      ok: true,
      value: { status: 'IN_PROGRESS', percentComplete: 30 },
    });
    expect(statusAndPercent(closed, null, 0)).toEqual({
      ok: true,
      value: { status: 'OPEN', percentComplete: 0 },
    });
  });

  it('keeps the status of an open task when only the percentage changes', () => {
    expect(statusAndPercent(open, null, 70)).toEqual({
      ok: true,
      value: { status: 'OPEN', percentComplete: 70 },
    });
    expect(statusAndPercent(open, 'IN_PROGRESS', null)).toEqual({
      ok: true,
      value: { status: 'IN_PROGRESS', percentComplete: 40 },
    });
  });
});
