import { ALL_LEVELS, type BooksLevels, levelColumns, levelProblems, levelsOf } from './permissions';

const access = (view: boolean, createEdit = false, email = false) => ({ view, createEdit, email });
const none = access(false);

describe('levelProblems (BKS-1/BKS-7)', () => {
  it('accepts everything, view only, invoices alone, and nothing', () => {
    const viewOnly = { invoices: access(true), estimates: access(true), receivables: access(true) };
    expect(levelProblems(ALL_LEVELS)).toEqual([]);
    expect(levelProblems(viewOnly)).toEqual([]);
    expect(
      levelProblems({ invoices: access(true, true), estimates: none, receivables: none }),
    ).toEqual([]);
    expect(levelProblems({ invoices: none, estimates: none, receivables: none })).toEqual([]);
  });

  it('keeps create & edit and email behind view', () => {
    expect(
      levelProblems({
        invoices: access(true),
        estimates: access(false, true),
        receivables: access(false, false, true),
      }),
    ).toEqual([
      'estimates: create & edit and email need view',
      'receivables: create & edit and email need view',
    ]);
  });

  it('turns nothing on without invoices view', () => {
    expect(levelProblems({ invoices: none, estimates: access(true), receivables: none })).toEqual([
      'Without invoices view nothing else of books may be on (BKS-1)',
    ]);
  });
});

describe('levelColumns and levelsOf', () => {
  it('flatten and rebuild the same levels', () => {
    const levels: BooksLevels = {
      invoices: access(true, true),
      estimates: access(true, false, true),
      receivables: access(true),
    };
    expect(levelsOf(levelColumns(levels))).toEqual(levels);
    expect(levelColumns(levels)).toMatchObject({
      invoicesCreateEdit: true,
      estimatesEmail: true,
      receivablesCreateEdit: false,
    });
  });
});
