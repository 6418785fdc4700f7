import type { Ticket } from '../../desk/entities/Ticket';
import { after, latest } from '../../../shared/seed/clock';
import type { Person } from '../../desk/seed/customers';
import type { DeskDemo } from '../../desk/seed/generate';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import { digits } from '../../../shared/seed/text';
import { CITIES, type City } from '../../desk/seed/vocabulary';
import type { Address, Customer } from '../../../shared/integration/entities';
import type { DemoOrganization, Organizations } from './organizations';
import { ADDRESS_STYLES, RECEIVING_DESKS } from './vocabulary';

/** Share of desk contacts with a primary account that are customers of Aozora Trading. */
const CUSTOMER_SHARE = 0.6;
const WITHOUT_SHIPPING_SHARE = 0.08;
const OTHER_SHIPPING_SHARE = 0.1;
/** Where a customer's goods go: to the billing address, nowhere stored yet, or elsewhere. */
const SHIPPING_KINDS = ['same', 'none', 'other'] as const;
type ShippingKind = (typeof SHIPPING_KINDS)[number];
/** Contacts of one account that are always customers, so the account panel spans several. */
const ACCOUNT_PANEL_CONTACTS = 3;

/** A customer row with the desk data the documents of the customer draw on. */
export interface CustomerRecord {
  customer: Customer;
  organization: DemoOrganization;
  /** The desk contact, with its accounts. */
  person: Person;
  /** Where its goods go: the shipping address, or the billing address when it has none. */
  destination: Address;
  /** The contact's desk tickets, oldest first, which documents may be linked to (INV-7). */
  tickets: readonly Ticket[];
}

export function generateCustomers(
  random: Random,
  scale: number,
  desk: DeskDemo,
  { trading, wholesale }: Organizations,
): CustomerRecord[] {
  const ticketsOf = new Map<string, Ticket[]>();
  for (const ticket of desk.tickets) {
    ticketsOf.set(ticket.contactId, [...(ticketsOf.get(ticket.contactId) ?? []), ticket]);
  }
  const record = (
    person: Person,
    organization: DemoOrganization,
    shipping: ShippingKind,
  ): CustomerRecord => {
    const { customer, billingAddress } = customerOf(random, person, organization, shipping);
    return {
      customer,
      organization,
      person,
      destination: customer.shippingAddress ?? billingAddress,
      tickets: ticketsOf.get(person.contact.id) ?? [],
    };
  };

  const chosen = chooseContacts(random, desk);
  const tradingPeople = desk.customers.people.filter((person) => chosen.has(person));
  // Even the smallest seed shows a customer without a shipping address and one shipping elsewhere.
  const shippings = tradingPeople.map(() => shippingOf(random));
  coverEveryValue(random, shippings, SHIPPING_KINDS);
  const tradingRecords = tradingPeople.map((person, index) =>
    record(person, trading, shippings[index]),
  );

  // Wholesale sells by the case, mostly to customers abroad.
  const wholesaleCount = Math.max(3, Math.round(12 * scale));
  const abroad = tradingRecords.filter((r) => r.destination.country !== 'Japan');
  const wholesaleRecords = random
    .sample(abroad.length >= wholesaleCount ? abroad : tradingRecords, wholesaleCount)
    .map((r) => record(r.person, wholesale, shippingOf(random)));
  return [...tradingRecords, ...wholesaleRecords];
}

/**
 * About 60% of the contacts with a primary account, always including the contact of ticket #1
 * and several contacts of one account, which the tests of the panels rely on.
 */
function chooseContacts(random: Random, desk: DeskDemo): Set<Person> {
  const { people, customers } = desk.customers;
  const candidates = people.filter((person) => person.primary !== undefined);
  const firstTicket = desk.tickets.find((ticket) => ticket.number === 1);
  const ticketPerson = people.find((person) => person.contact.id === firstTicket?.contactId);
  const account = customers
    .map((customer) => candidates.filter((person) => person.primary === customer))
    .find((contacts) => contacts.length >= ACCOUNT_PANEL_CONTACTS);
  if (!ticketPerson || !account) {
    throw new Error('the desk demo lacks ticket #1 or an account with several contacts');
  }
  const required = new Set([ticketPerson, ...account.slice(0, ACCOUNT_PANEL_CONTACTS)]);
  const others = candidates.filter((person) => !required.has(person));
  const count = Math.max(0, Math.round(candidates.length * CUSTOMER_SHARE) - required.size);
  return new Set([...required, ...random.sample(others, count)]);
}

function shippingOf(random: Random): ShippingKind {
  return random.weighted([
    ['same', 1 - WITHOUT_SHIPPING_SHARE - OTHER_SHIPPING_SHARE],
    ['none', WITHOUT_SHIPPING_SHARE],
    ['other', OTHER_SHIPPING_SHARE],
  ] as const);
}

/** The customer's row, and its billing address, which every demo customer has. */
function customerOf(
  random: Random,
  person: Person,
  organization: DemoOrganization,
  shipping: ShippingKind,
): { customer: Customer; billingAddress: Address } {
  const { contact, primary } = person;
  const name = `${contact.firstName} ${contact.lastName}`;
  // A contact who writes in privately has no account to take a city from.
  const city: City = primary?.city ?? random.weighted(CITIES.map((c) => [c, c.weight] as const));
  const billingAddress = addressIn(random, city, name);
  const customer: Customer = {
    id: random.uuid(),
    organizationId: organization.id,
    contactId: contact.id,
    name,
    email: contact.email,
    companyName: primary?.account.name ?? null,
    billingAddress,
    shippingAddress:
      shipping === 'same'
        ? { ...billingAddress }
        : shipping === 'other'
          ? addressIn(random, city, random.pick(RECEIVING_DESKS))
          : null,
    createdAt: after(random, latest(contact.createdAt, organization.createdAt), 1, 72),
  };
  return { customer, billingAddress };
}

function addressIn(random: Random, city: City, attention: string): Address {
  const style = ADDRESS_STYLES[city.city];
  return {
    attention,
    street: houseNumbers(random, random.pick(style.streets)),
    city: city.city,
    state: style.state,
    zip: digits(random, style.zip),
    country: city.country,
  };
}

/** Fills each run of `#` with a number that has no leading zero, as house and block numbers do. */
function houseNumbers(random: Random, pattern: string): string {
  return pattern.replace(/#+/g, (run) =>
    String(random.int(10 ** (run.length - 1), 10 ** run.length - 1)),
  );
}
