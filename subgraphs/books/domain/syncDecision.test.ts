import { CONFLICT_POLICIES, SYNC_DIRECTIONS } from './contactSync';
import { decideDiffering } from './syncDecision';

describe('decideDiffering', () => {
  it.each(
    SYNC_DIRECTIONS.flatMap((direction) =>
      CONFLICT_POLICIES.map((policy) => [direction, policy] as const),
    ),
  )(
    '%s / %s: a desk-only change is taken into books whatever the settings',
    (direction, policy) => {
      expect(decideDiffering({ desk: true, books: false }, direction, policy)).toBe('TAKE_DESK');
    },
  );

  it('a books-only change goes to desk with TWO_WAY and stays in books with TO_BOOKS', () => {
    for (const policy of CONFLICT_POLICIES) {
      expect(decideDiffering({ desk: false, books: true }, 'TWO_WAY', policy)).toBe(
        'WRITE_TO_DESK',
      );
      expect(decideDiffering({ desk: false, books: true }, 'TO_BOOKS', policy)).toBe('KEEP_BOOKS');
    }
  });

  it('a change on both sides follows the conflict policy, in either direction', () => {
    for (const direction of SYNC_DIRECTIONS) {
      const both = { desk: true, books: true };
      expect(decideDiffering(both, direction, 'OVERWRITE')).toBe('TAKE_DESK');
      expect(decideDiffering(both, direction, 'SKIP')).toBe('SKIP');
      expect(decideDiffering(both, direction, 'DUPLICATE')).toBe('DUPLICATE');
    }
  });
});
