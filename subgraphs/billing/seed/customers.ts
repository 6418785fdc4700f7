import type { Address, Customer, Organization } from '../../../shared/integration/entities';
import { TODAY } from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import { digits } from '../../../shared/seed/text';
import type { Ticket } from '../../desk/entities/Ticket';
import type { Person } from '../../desk/seed/customers';
import type { DeskDemo } from '../../desk/seed/generate';
import { CITIES, type City } from '../../desk/seed/vocabulary';
import type { Organizations } from './organizations';
import { ADDRESS_STYLES, BILLING_CONTACTS } from './vocabulary';

/** Share of desk contacts that are customers of the enabled organization. */
const CUSTOMER_SHARE = 0.55;
/** Customers of the second organization at scale 1; a few at any scale. */
const LABS_CUSTOMERS = 12;
const ADDRESS_SHARE = 0.9;
/** Contacts of one account that are always customers, so an account panel spans several. */
const ACCOUNT_PANEL_CONTACTS = 3;
/**
 * Every customer joined at least this long before today, which leaves each one room for any
 * subscription story: one that went unpaid and was cancelled needs a couple of months.
 */
const NEWEST_CUSTOMER_DAYS = 120;
const DAY_MS = 86_400_000;

/** Where invoices go: the billing address, or a separate shipping address, or none known. */
const SHIPPING_KINDS = ['same', 'none', 'other'] as const;
type ShippingKind = (typeof SHIPPING_KINDS)[number];

/** A customer row with the desk data its documents draw on. */
export interface CustomerRecord {
  customer: Customer;
  organization: Organization;
  /** The desk contact, with its accounts. */
  person: Person;
  /** The contact's desk tickets, oldest first, which invoices may be created from. */
  tickets: readonly Ticket[];
  /**
   * The customer of desk ticket #1's contact in the enabled organization, whose panels show a bit
   * of everything: several subscriptions, invoices of several statuses, credit, unused payment.
   */
  showcase: boolean;
}

export function generateCustomers(
  random: Random,
  scale: number,
  desk: DeskDemo,
  { cloud, labs }: Organizations,
): CustomerRecord[] {
  const ticketsOf = new Map<string, Ticket[]>();
  for (const ticket of desk.tickets) {
    const tickets = ticketsOf.get(ticket.contactId) ?? [];
    tickets.push(ticket);
    ticketsOf.set(ticket.contactId, tickets);
  }
  const firstTicket = desk.tickets.find((ticket) => ticket.number === 1);
  const record = (
    person: Person,
    organization: Organization,
    shipping: ShippingKind | null,
    showcase: boolean,
  ): CustomerRecord => ({
    customer: customerOf(random, person, organization, shipping, showcase),
    organization,
    person,
    tickets: [...(ticketsOf.get(person.contact.id) ?? [])].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    ),
    showcase,
  });

  const chosen = chooseContacts(random, desk);
  const isShowcase = (person: Person) => person.contact.id === firstTicket?.contactId;
  const cloudPeople = desk.customers.people.filter((person) => chosen.has(person));
  const others = cloudPeople.filter((person) => !isShowcase(person));
  // Even the smallest seed shows a customer without a known address, and one whose invoices go
  // to another address than its billing address.
  const shippings = others.map((): ShippingKind | null =>
    random.chance(ADDRESS_SHARE) ? shippingOf(random) : null,
  );
  coverEveryValue(random, shippings, [...SHIPPING_KINDS, null]);
  const shippingByPerson = new Map(others.map((person, index) => [person, shippings[index]]));
  const cloudRecords = cloudPeople.map((person) =>
    isShowcase(person)
      ? record(person, cloud, 'other', true)
      : record(person, cloud, shippingByPerson.get(person) ?? null, false),
  );

  const labsCount = Math.max(3, Math.round(LABS_CUSTOMERS * scale));
  const labsRecords = random
    .sample(
      cloudRecords.filter((r) => !r.showcase),
      labsCount,
    )
    .map((r) => record(r.person, labs, shippingOf(random), false));
  return [...cloudRecords, ...labsRecords];
}

/**
 * About 55% of desk's contacts, always including the contact of ticket #1 and several contacts
 * of one account, which the panels' tests rely on.
 */
function chooseContacts(random: Random, desk: DeskDemo): Set<Person> {
  const { people, customers } = desk.customers;
  const firstTicket = desk.tickets.find((ticket) => ticket.number === 1);
  const ticketPerson = people.find((person) => person.contact.id === firstTicket?.contactId);
  const account = customers
    .map((customer) => people.filter((person) => person.primary === customer))
    .find((contacts) => contacts.length >= ACCOUNT_PANEL_CONTACTS);
  if (!ticketPerson || !account) {
    throw new Error('the desk demo lacks ticket #1 or an account with several contacts');
  }
  const required = new Set([ticketPerson, ...account.slice(0, ACCOUNT_PANEL_CONTACTS)]);
  const others = people.filter((person) => !required.has(person));
  const count = Math.max(0, Math.round(people.length * CUSTOMER_SHARE) - required.size);
  return new Set([...required, ...random.sample(others, count)]);
}

function shippingOf(random: Random): ShippingKind {
  return random.weighted([
    ['same', 80],
    ['none', 10],
    ['other', 10],
  ] as const);
}

/**
 * The customer's row: name and e-mail as desk has them, the company of its primary account, and
 * addresses in its account's city. It joined billing before desk existed, any time from when the
 * organization was created; the showcase customer joined early, so it has a long history.
 */
function customerOf(
  random: Random,
  person: Person,
  organization: Organization,
  shipping: ShippingKind | null,
  showcase: boolean,
): Customer {
  const { contact, primary } = person;
  const name = `${contact.firstName} ${contact.lastName}`;
  const companyName = primary?.account.name ?? null;
  // A contact who writes in privately has no account to take a city from.
  const city: City = primary?.city ?? random.weighted(CITIES.map((c) => [c, c.weight] as const));
  const billingAddress =
    shipping === null
      ? null
      : addressIn(random, city, companyName ? random.pick(BILLING_CONTACTS) : name);
  const joinedFrom = organization.createdAt.getTime() + DAY_MS;
  const joinedTo = TODAY.getTime() - NEWEST_CUSTOMER_DAYS * DAY_MS;
  return {
    id: random.uuid(),
    organizationId: organization.id,
    contactId: contact.id,
    name,
    email: contact.email.toLowerCase(),
    companyName,
    billingAddress,
    shippingAddress:
      billingAddress === null || shipping === 'none'
        ? null
        : shipping === 'same'
          ? { ...billingAddress }
          : addressIn(random, city, name),
    createdAt: new Date(
      showcase
        ? joinedFrom + 20 * DAY_MS
        : joinedFrom + random.int(0, (joinedTo - joinedFrom) / 1000) * 1000,
    ),
  };
}

function addressIn(random: Random, city: City, attention: string): Address {
  const style = ADDRESS_STYLES[city.city];
  return {
    attention,
    street: random
      .pick(style.streets)
      .replace(/#+/g, (run) => String(random.int(10 ** (run.length - 1), 10 ** run.length - 1))),
    city: city.city,
    state: style.state,
    zip: digits(random, style.zip),
    country: city.country,
  };
}
