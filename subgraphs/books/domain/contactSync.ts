import { createHash } from 'node:crypto';

/*
 * BKS-4/BKS-5: which desk records become books contacts, and which of their fields fill which
 * books field. A synced contact remembers a hash of its mapped fields as they were when the two
 * sides last agreed (`synced_hash`); a later sync hashes each side's current values the same way
 * and so tells which side changed since, without keeping a copy of either record.
 */

export const CONTACT_MODULES = ['ACCOUNTS', 'CONTACTS'] as const;
export type ContactModule = (typeof CONTACT_MODULES)[number];

export const SYNC_DIRECTIONS = ['TWO_WAY', 'TO_BOOKS'] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];

export const CONFLICT_POLICIES = ['DUPLICATE', 'OVERWRITE', 'SKIP'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

/** In the order the hash takes them, which must therefore never change. */
export const BOOKS_CONTACT_FIELDS = [
  'NAME',
  'COMPANY_NAME',
  'EMAIL',
  'PHONE',
  'WEBSITE',
  'CITY',
  'COUNTRY',
] as const;
export type BooksContactField = (typeof BOOKS_CONTACT_FIELDS)[number];

/**
 * The desk fields each module offers. `fullName` is a contact's first and last name together,
 * since a books contact has one name.
 */
export const DESK_FIELDS: Readonly<Record<ContactModule, readonly string[]>> = {
  ACCOUNTS: ['name', 'website', 'phone', 'industry', 'city', 'country'],
  CONTACTS: ['firstName', 'lastName', 'fullName', 'email', 'phone'],
};

export interface FieldMapping {
  deskField: string;
  booksField: BooksContactField;
}

/** What a new setting maps, per module. */
export const DEFAULT_MAPPINGS: Readonly<Record<ContactModule, readonly FieldMapping[]>> = {
  ACCOUNTS: [
    { deskField: 'name', booksField: 'NAME' },
    { deskField: 'name', booksField: 'COMPANY_NAME' },
    { deskField: 'phone', booksField: 'PHONE' },
    { deskField: 'website', booksField: 'WEBSITE' },
    { deskField: 'city', booksField: 'CITY' },
    { deskField: 'country', booksField: 'COUNTRY' },
  ],
  CONTACTS: [
    { deskField: 'fullName', booksField: 'NAME' },
    { deskField: 'email', booksField: 'EMAIL' },
    { deskField: 'phone', booksField: 'PHONE' },
  ],
};

export const RECORD_FILTER_KINDS = ['ALL', 'INDUSTRY', 'COUNTRY'] as const;
export type RecordFilterKind = (typeof RECORD_FILTER_KINDS)[number];

/** BKS-4's "which records": a saved view of desk records. */
export interface RecordFilter {
  kind: RecordFilterKind;
  /** The industry or country; null with ALL. */
  value: string | null;
}

export interface ContactSyncSettings {
  enabled: boolean;
  module: ContactModule;
  recordFilter: RecordFilter;
  direction: SyncDirection;
  conflictPolicy: ConflictPolicy;
  deleteEarlierRecords: boolean;
  mapping: readonly FieldMapping[];
}

/** Why the settings cannot be stored; empty when they can. */
export function contactSyncProblems(settings: ContactSyncSettings): string[] {
  const problems: string[] = [];
  const { kind, value } = settings.recordFilter;
  if (!RECORD_FILTER_KINDS.includes(kind)) {
    problems.push(`recordFilter.kind must be one of ${RECORD_FILTER_KINDS.join(', ')}`);
  } else if (kind === 'ALL' ? value !== null : !value?.trim()) {
    problems.push(`recordFilter.value is ${kind === 'ALL' ? 'not taken with ALL' : 'required'}`);
  }
  if (settings.deleteEarlierRecords && settings.module !== 'ACCOUNTS') {
    problems.push('deleteEarlierRecords is only offered when accounts are synced (BKS-4)');
  }
  const offered = DESK_FIELDS[settings.module];
  const seen = new Set<BooksContactField>();
  for (const { deskField, booksField } of settings.mapping) {
    if (!offered.includes(deskField)) {
      problems.push(`${deskField} is not a field of desk ${settings.module.toLowerCase()}`);
    }
    if (seen.has(booksField)) problems.push(`${booksField} is mapped more than once`);
    seen.add(booksField);
  }
  if (!seen.has('NAME')) problems.push('NAME must be mapped');
  return problems;
}

export type BooksContactValues = Readonly<Record<BooksContactField, string | null>>;

/** A desk account's fields by the names the ACCOUNTS mapping uses. */
export function deskAccountValues(account: {
  name: string;
  website: string | null;
  phone: string | null;
  industry: string | null;
  city: string | null;
  country: string | null;
}): Record<string, string | null> {
  const { name, website, phone, industry, city, country } = account;
  return { name, website, phone, industry, city, country };
}

/** A desk contact's fields by the names the CONTACTS mapping uses. */
export function deskContactValues(contact: {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
}): Record<string, string | null> {
  const { firstName, lastName, email, phone } = contact;
  return { firstName, lastName, fullName: `${firstName} ${lastName}`, email, phone };
}

/** The books fields a desk record's values fill under a mapping; unmapped fields are absent. */
export function mappedValues(
  mapping: readonly FieldMapping[],
  deskValues: Readonly<Record<string, string | null>>,
): Partial<Record<BooksContactField, string | null>> {
  return Object.fromEntries(
    mapping.map(({ deskField, booksField }) => [booksField, deskValues[deskField] ?? null]),
  );
}

/**
 * The hash of the mapped fields' values: SHA-256 in hex over the mapped books fields in a fixed
 * order. Pass either side's values (a books contact's fields, or `mappedValues` of a desk record):
 * both hash alike when they agree. Empty strings count as no value, as forms clear fields.
 */
export function contactSyncHash(
  mapping: readonly FieldMapping[],
  values: Partial<Record<BooksContactField, string | null>>,
): string {
  const mapped = new Set(mapping.map((entry) => entry.booksField));
  const canonical = BOOKS_CONTACT_FIELDS.filter((field) => mapped.has(field)).map((field) => [
    field,
    values[field]?.trim() || null,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
