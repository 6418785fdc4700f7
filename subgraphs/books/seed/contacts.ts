import type { Organization } from '../../../shared/integration/entities';
import { calendarDate, hoursAfter, instantBetween, TODAY } from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import { digits, slug } from '../../../shared/seed/text';
import type { Deal } from '../../desk/entities/Deal';
import type { Customer, Person } from '../../desk/seed/customers';
import type { DeskDemo } from '../../desk/seed/generate';
import {
  contactSyncHash,
  DEFAULT_MAPPINGS,
  deskAccountValues,
  deskContactValues,
  mappedValues,
} from '../domain/contactSync';
import type { BooksContact } from '../entities/BooksContact';
import { CONNECTED_AT, CONTACT_SYNC_AT } from './organizations';
import { BOOKS_ONLY_CONTACTS, LABS_CONTACTS } from './vocabulary';

const DAY_MS = 86_400_000;
/** Share of synced accounts whose books contact existed before the sync matched it. */
const PRE_EXISTING_SHARE = 0.3;
/** Share of synced books contacts that carry an accounts address desk does not have. */
const EMAIL_SHARE = 0.85;
/** Share of synced books contacts whose phone was changed in books since the sync. */
const EDITED_IN_BOOKS_SHARE = 0.1;
/** Share of contacts holding unused credit. */
const CREDIT_SHARE = 0.12;
/**
 * Share of desk's private contacts (no account) an agent made books contacts of from desk (BKS-9);
 * at least two, so the smallest seed has contacts synced with desk contacts too.
 */
const PRIVATE_CONTACT_SHARE = 0.2;
const PRIVATE_CONTACT_MINIMUM = 2;
/**
 * Books-only and labs customers from scale 1 on (the word lists hold no more); a few at any scale.
 */
const BOOKS_ONLY_COUNT = 8;
const LABS_COUNT = 12;

/** A books contact with the desk records and facts the document generators draw on. */
export interface ContactRecord {
  contact: BooksContact;
  organization: Organization;
  /** The synced desk account, for module ACCOUNTS. */
  account: Customer | null;
  /** The synced desk contact, for a contact made from desk. */
  person: Person | null;
  /** Its documents' share of its organization's, relative to other contacts'. */
  weight: number;
  /**
   * The books contact of the synced account with the most deals that the process rule acted on:
   * its panels show every kind of transaction, deal-linked ones included.
   */
  showcase: boolean;
}

/** Deals the ESTIMATES rule has acted on: created, and if closed then closed, before today. */
export function ruledDeals(desk: DeskDemo): Deal[] {
  return desk.crm.deals.filter(
    (deal) =>
      deal.createdAt > CONNECTED_AT &&
      deal.createdAt < TODAY &&
      (deal.closedAt === null || deal.closedAt < TODAY),
  );
}

export function generateContacts(
  random: Random,
  scale: number,
  desk: DeskDemo,
  books: Organization,
  labs: Organization,
): ContactRecord[] {
  const synced = desk.customers.customers.filter(
    (customer) => customer.account.createdAt < CONTACT_SYNC_AT,
  );
  const showcase = showcaseAccount(synced, ruledDeals(desk));
  // Even the smallest seed has a contact changed in books since the sync, and unchanged ones.
  const edited = synced.map(() => random.chance(EDITED_IN_BOOKS_SHARE));
  coverEveryValue(random, edited, [true, false]);
  const accountRecords = synced.map((customer, index) =>
    accountContact(random, customer, books, index, {
      showcase: customer === showcase,
      edited: edited[index],
    }),
  );
  const privatePeople = desk.customers.people.filter((person) => !person.primary);
  const personRecords = random
    .sample(
      privatePeople,
      Math.max(PRIVATE_CONTACT_MINIMUM, Math.round(privatePeople.length * PRIVATE_CONTACT_SHARE)),
    )
    .map((person) => personContact(random, person, books));
  const booksOnly = BOOKS_ONLY_CONTACTS.slice(0, Math.max(2, Math.round(BOOKS_ONLY_COUNT * scale)));
  const labsOnly = LABS_CONTACTS.slice(0, Math.max(3, Math.round(LABS_COUNT * scale)));
  return [
    ...accountRecords,
    ...personRecords,
    ...booksOnly.map((word) => unsyncedContact(random, word, books)),
    ...labsOnly.map((word) => unsyncedContact(random, word, labs)),
  ];
}

function showcaseAccount(synced: readonly Customer[], deals: readonly Deal[]): Customer {
  const dealCount = (customer: Customer) =>
    deals.filter((deal) => deal.accountId === customer.account.id).length;
  // The first of the busiest, so the choice is stable.
  return synced.reduce((best, customer) =>
    dealCount(customer) > dealCount(best) ? customer : best,
  );
}

/** Its share of documents: many small customers and a few busy ones. */
const weightOf = (random: Random) => 0.2 + random.next() ** 2;

function creditOf(random: Random, organization: Organization, always: boolean): number {
  if (!always && !random.chance(CREDIT_SHARE)) return 0;
  return organization.currency === 'JPY' ? random.int(1, 60) * 1_000 : random.int(1, 400) * 2.5;
}

/**
 * A desk account's books contact. The sync filled the mapped fields from the account and stored
 * their hash; a few were edited in books since (a new phone number), which the next sync will see
 * as a books-side change.
 */
function accountContact(
  random: Random,
  customer: Customer,
  books: Organization,
  index: number,
  { showcase, edited }: { showcase: boolean; edited: boolean },
): ContactRecord {
  const { account, city, domain } = customer;
  const mapping = DEFAULT_MAPPINGS.ACCOUNTS;
  const deskSyncedAt = new Date(CONTACT_SYNC_AT.getTime() + index * 2_000);
  const createdAt = random.chance(PRE_EXISTING_SHARE)
    ? instantBetween(random, new Date('2025-05-01T00:00:00Z'), hoursAfter(CONTACT_SYNC_AT, -24))
    : deskSyncedAt;
  const contact: BooksContact = {
    id: random.uuid(),
    organizationId: books.id,
    name: account.name,
    companyName: account.name,
    email: random.chance(EMAIL_SHARE) ? `accounts@${domain}` : null,
    phone: edited ? digits(random, city.phone) : account.phone,
    website: account.website,
    city: account.city,
    country: account.country,
    currency: books.currency,
    unusedCredits: creditOf(random, books, showcase),
    deskAccountId: account.id,
    deskContactId: null,
    deskSyncedAt,
    syncedHash: contactSyncHash(mapping, mappedValues(mapping, deskAccountValues(account))),
    createdAt,
    updatedAt: edited
      ? instantBetween(random, hoursAfter(deskSyncedAt, 24), hoursAfter(TODAY, -24))
      : deskSyncedAt,
  };
  return {
    contact,
    organization: books,
    account: customer,
    person: null,
    weight: weightOf(random),
    showcase,
  };
}

/**
 * A desk contact without an account, made a books contact when an agent first created a document
 * for it from desk (BKS-9), with the CONTACTS mapping's fields; it was in sync from then on.
 */
function personContact(random: Random, person: Person, books: Organization): ContactRecord {
  const mapping = DEFAULT_MAPPINGS.CONTACTS;
  const values = mappedValues(mapping, deskContactValues(person.contact));
  const from = new Date(Math.max(person.contact.createdAt.getTime(), CONNECTED_AT.getTime()));
  const createdAt = instantBetween(random, from, new Date(from.getTime() + 20 * DAY_MS));
  const contact: BooksContact = {
    id: random.uuid(),
    organizationId: books.id,
    name: values.NAME ?? person.contact.email,
    companyName: null,
    email: values.EMAIL ?? null,
    phone: values.PHONE ?? null,
    website: null,
    city: null,
    country: null,
    currency: books.currency,
    unusedCredits: creditOf(random, books, false),
    deskAccountId: null,
    deskContactId: person.contact.id,
    deskSyncedAt: createdAt,
    syncedHash: contactSyncHash(mapping, values),
    createdAt,
    updatedAt: createdAt,
  };
  return {
    contact,
    organization: books,
    account: null,
    person,
    weight: weightOf(random),
    showcase: false,
  };
}

/** A customer only books knows, made in books some time before the demo's last two months. */
function unsyncedContact(
  random: Random,
  word: { name: string; city: string },
  organization: Organization,
): ContactRecord {
  const createdAt = instantBetween(
    random,
    new Date(organization.createdAt.getTime() + 14 * DAY_MS),
    new Date(TODAY.getTime() - 60 * DAY_MS),
  );
  const contact: BooksContact = {
    id: random.uuid(),
    organizationId: organization.id,
    name: word.name,
    companyName: word.name,
    email: `billing@${slug(word.name)}.example`,
    phone: null,
    website: `https://www.${slug(word.name)}.example`,
    city: word.city,
    country: organization.currency === 'JPY' ? 'Japan' : 'United States',
    currency: organization.currency,
    unusedCredits: creditOf(random, organization, false),
    deskAccountId: null,
    deskContactId: null,
    deskSyncedAt: null,
    syncedHash: null,
    createdAt,
    updatedAt: createdAt,
  };
  return {
    contact,
    organization,
    account: null,
    person: null,
    weight: weightOf(random),
    showcase: false,
  };
}

/** The first day a document of the contact may carry. */
export const sinceOf = (record: ContactRecord): string => calendarDate(record.contact.createdAt);
