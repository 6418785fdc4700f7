import { TRANSACTION_KINDS } from './status';

/*
 * BKS-11's e-mail templates: a subject and a body with {{placeholders}} that sending fills in
 * from the transaction, or for a statement of account from the contact's receivables. Which
 * placeholders a template may use depends on its kind: only invoices have a due date, and a
 * statement has no number or total of its own.
 */

/** A template is for one kind of transaction, or for statements of account. */
export const TEMPLATE_KINDS = [...TRANSACTION_KINDS, 'STATEMENT'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

const COMMON = ['number', 'contactName', 'total', 'organizationName'] as const;

export const TEMPLATE_PLACEHOLDERS: Readonly<Record<TemplateKind, readonly string[]>> = {
  ESTIMATE: COMMON,
  INVOICE: [...COMMON, 'dueOn'],
  SALES_ORDER: COMMON,
  /** `date` is the day the statement is made; the amounts are in the contact's currency. */
  STATEMENT: ['contactName', 'organizationName', 'date', 'outstanding', 'unusedCredits'],
};

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The placeholders a text uses that its kind does not offer, each once; empty when none. */
export function unknownPlaceholders(kind: TemplateKind, text: string): string[] {
  const offered = TEMPLATE_PLACEHOLDERS[kind];
  const unknown = [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .filter((name) => !offered.includes(name));
  return [...new Set(unknown)];
}

/**
 * Fills every placeholder; one without a value is a bug in the caller (templates are checked with
 * unknownPlaceholders when stored), so it throws rather than send "{{dueOn}}" to a customer.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {{${name}}}`);
    return value;
  });
}
