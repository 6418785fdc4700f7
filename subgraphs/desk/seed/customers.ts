import type { Account } from '../entities/Account';
import type { Contact } from '../entities/Contact';
import type { ContactAccount } from '../entities/ContactAccount';
import { after, between, DAY_HOURS, latest } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import { digits, slug, uniqueEmail, uniqueName } from '../../../shared/seed/text';
import {
  CITIES,
  City,
  COMPANY_KINDS,
  COMPANY_PREFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  PERSONAL_MAIL_DOMAINS,
} from './vocabulary';

/** Share of contacts under the first account, which makes it the big customer of the demo. */
const BIG_CUSTOMER_SHARE = 0.22;
const WITHOUT_ACCOUNT_SHARE = 0.05;
const WITH_SECONDARY_SHARE = 0.2;

/** An account with what the other generators need to know about it beyond its row. */
export interface Customer {
  account: Account;
  city: City;
  domain: string;
  /** Every contact linked to the account, primary or not. */
  contacts: Contact[];
}

/** A contact with its accounts; `primary` is absent for the few who write in privately. */
export interface Person {
  contact: Contact;
  primary?: Customer;
  secondaries: Customer[];
}

export interface Customers {
  customers: Customer[];
  people: Person[];
  links: ContactAccount[];
}

export function generateCustomers(random: Random, scale: number): Customers {
  const customers = generateAccounts(random, Math.max(5, Math.round(200 * scale)));
  const contactCount = Math.max(20, Math.round(1000 * scale));
  const primaries = assignPrimaryAccounts(random, customers, contactCount);
  const emails = new Set<string>();
  const people: Person[] = [];
  const links: ContactAccount[] = [];

  for (const primary of primaries) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const city = primary?.city ?? random.weighted(CITIES.map((c) => [c, c.weight] as const));
    const createdAt = primary
      ? after(random, primary.account.createdAt, 1, 30 * DAY_HOURS)
      : between(random, 0, 90);
    const contact: Contact = {
      id: random.uuid(),
      firstName,
      lastName,
      email: uniqueEmail(
        `${firstName}.${lastName}`,
        primary?.domain ?? random.pick(PERSONAL_MAIL_DOMAINS),
        emails,
      ),
      phone: random.chance(0.7) ? digits(random, city.phone) : null,
      createdAt,
      updatedAt: after(random, createdAt, 0, 60 * DAY_HOURS),
    };
    const person: Person = { contact, primary, secondaries: [] };
    people.push(person);
    if (!primary) continue;

    links.push(link(random, person, primary, true));
    if (random.chance(WITH_SECONDARY_SHARE)) {
      const others = customers.filter((customer) => customer !== primary);
      for (const secondary of random.sample(others, random.int(1, 2))) {
        person.secondaries.push(secondary);
        links.push(link(random, person, secondary, false));
      }
    }
  }
  return { customers, people, links };
}

function generateAccounts(random: Random, count: number): Customer[] {
  const names = new Set<string>();
  const customers: Customer[] = [];
  for (let index = 0; index < count; index += 1) {
    const name = uniqueName(
      () => `${random.pick(COMPANY_PREFIXES)} ${random.pick(COMPANY_KINDS).word}`,
      names,
      ['Holdings', 'Group', 'International', 'Works'],
    );
    const city = random.weighted(CITIES.map((c) => [c, c.weight] as const));
    const domain = `${slug(name)}.example`;
    const createdAt = between(random, 0, 60);
    const account: Account = {
      id: random.uuid(),
      name,
      website: random.chance(0.9) ? `https://www.${domain}` : null,
      phone: random.chance(0.85) ? digits(random, city.phone) : null,
      industry: industryOf(name),
      city: city.city,
      country: city.country,
      createdAt,
      updatedAt: after(random, createdAt, 0, 90 * DAY_HOURS),
    };
    customers.push({ account, city, domain, contacts: [] });
  }
  return customers;
}

/** The industry the company's second word implies ("Sakura Logistics" is in logistics). */
function industryOf(name: string): string | null {
  const word = name.split(' ')[1];
  return COMPANY_KINDS.find((kind) => kind.word === word)?.industry ?? null;
}

/**
 * The primary account of each contact to be generated, in contact order. A fixed share goes to
 * the first account so one customer is big at every scale (200+ contacts from scale 1); the
 * rest spread unevenly, as real customer bases do.
 */
function assignPrimaryAccounts(
  random: Random,
  customers: Customer[],
  contactCount: number,
): (Customer | undefined)[] {
  const [big, ...others] = customers;
  const withAccount = contactCount - Math.round(contactCount * WITHOUT_ACCOUNT_SHARE);
  const bigCount = Math.ceil(withAccount * BIG_CUSTOMER_SHARE);
  // Squaring a uniform draw gives many small accounts and a few large ones.
  const weights = others.map((customer) => [customer, 0.05 + random.next() ** 2] as const);
  const primaries: (Customer | undefined)[] = [];
  for (let index = 0; index < contactCount; index += 1) {
    if (index < bigCount) primaries.push(big);
    else if (index < withAccount) primaries.push(random.weighted(weights));
    else primaries.push(undefined);
  }
  // Shuffled so the big customer's contacts are spread over the list, not its first rows.
  return random.sample(primaries, primaries.length);
}

function link(
  random: Random,
  person: Person,
  customer: Customer,
  primary: boolean,
): ContactAccount {
  customer.contacts.push(person.contact);
  return {
    id: random.uuid(),
    contactId: person.contact.id,
    accountId: customer.account.id,
    isPrimary: primary,
    accountTicketsViewable: random.chance(primary ? 0.2 : 0.1),
    createdAt: primary
      ? person.contact.createdAt
      : after(
          random,
          latest(person.contact.createdAt, customer.account.createdAt),
          1,
          60 * DAY_HOURS,
        ),
  };
}
