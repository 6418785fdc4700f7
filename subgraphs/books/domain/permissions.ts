import type { TransactionKind } from './status';

/*
 * BKS-1/BKS-7: what an agent profile may do with books, per kind of data. Sales orders follow the
 * estimates' levels (the product has no separate switch for them). The profile_permission table's
 * CHECK constraints repeat levelProblems.
 */

export interface BooksAccess {
  view: boolean;
  createEdit: boolean;
  email: boolean;
}

export interface BooksLevels {
  /** BKS-1: without invoice view the whole integration is refused. */
  invoices: BooksAccess;
  estimates: BooksAccess;
  receivables: BooksAccess;
}

export const BOOKS_AREAS = ['invoices', 'estimates', 'receivables'] as const;
export type BooksArea = (typeof BOOKS_AREAS)[number];

const ALL: BooksAccess = { view: true, createEdit: true, email: true };

/** Administrators': everything, without a row. */
export const ALL_LEVELS: BooksLevels = { invoices: ALL, estimates: ALL, receivables: ALL };

/** Why the levels cannot be stored; empty when they can. */
export function levelProblems(levels: BooksLevels): string[] {
  const problems: string[] = [];
  for (const area of BOOKS_AREAS) {
    const access = levels[area];
    if (!access.view && (access.createEdit || access.email)) {
      problems.push(`${area}: create & edit and email need view`);
    }
  }
  if (!levels.invoices.view && (levels.estimates.view || levels.receivables.view)) {
    problems.push('Without invoices view nothing else of books may be on (BKS-1)');
  }
  return problems;
}

/** The profile_permission row's columns, flat as the table keeps them. */
export interface LevelColumns {
  invoicesView: boolean;
  invoicesCreateEdit: boolean;
  invoicesEmail: boolean;
  estimatesView: boolean;
  estimatesCreateEdit: boolean;
  estimatesEmail: boolean;
  receivablesView: boolean;
  receivablesCreateEdit: boolean;
  receivablesEmail: boolean;
}

export function levelColumns(levels: BooksLevels): LevelColumns {
  const { invoices, estimates, receivables } = levels;
  return {
    invoicesView: invoices.view,
    invoicesCreateEdit: invoices.createEdit,
    invoicesEmail: invoices.email,
    estimatesView: estimates.view,
    estimatesCreateEdit: estimates.createEdit,
    estimatesEmail: estimates.email,
    receivablesView: receivables.view,
    receivablesCreateEdit: receivables.createEdit,
    receivablesEmail: receivables.email,
  };
}

export function levelsOf(row: LevelColumns): BooksLevels {
  return {
    invoices: {
      view: row.invoicesView,
      createEdit: row.invoicesCreateEdit,
      email: row.invoicesEmail,
    },
    estimates: {
      view: row.estimatesView,
      createEdit: row.estimatesCreateEdit,
      email: row.estimatesEmail,
    },
    receivables: {
      view: row.receivablesView,
      createEdit: row.receivablesCreateEdit,
      email: row.receivablesEmail,
    },
  };
}

/** Whose levels apply to each kind of transaction: sales orders follow the estimates'. */
export const AREA_OF_KIND: Readonly<Record<TransactionKind, BooksArea>> = {
  ESTIMATE: 'estimates',
  INVOICE: 'invoices',
  SALES_ORDER: 'estimates',
};
