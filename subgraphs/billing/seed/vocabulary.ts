import type { City } from '../../desk/seed/vocabulary';

/**
 * How addresses are written in each city of desk's demo: the state or prefecture, a postcode
 * pattern and office street patterns (`#` runs become numbers).
 */
export const ADDRESS_STYLES = {
  Tokyo: {
    state: 'Tokyo',
    zip: '1##-####',
    streets: [
      '#-#-# Otemachi, Chiyoda-ku',
      '#-##-# Shinjuku, Shinjuku-ku',
      '#-#-## Roppongi, Minato-ku',
    ],
  },
  Osaka: { state: 'Osaka', zip: '5##-####', streets: ['#-#-# Nakanoshima, Kita-ku'] },
  Nagoya: { state: 'Aichi', zip: '4##-####', streets: ['#-#-# Sakae, Naka-ku'] },
  Fukuoka: { state: 'Fukuoka', zip: '8##-####', streets: ['#-#-# Tenjin, Chuo-ku'] },
  Sapporo: { state: 'Hokkaido', zip: '06#-####', streets: ['Kita #-jo Nishi #-#, Chuo-ku'] },
  Yokohama: { state: 'Kanagawa', zip: '22#-####', streets: ['#-#-# Kannai, Naka-ku'] },
  'New York': { state: 'NY', zip: '100##', streets: ['### Park Avenue', '## Wall Street'] },
  'San Francisco': {
    state: 'CA',
    zip: '941##',
    streets: ['### Howard Street', '### Folsom Street'],
  },
  Chicago: { state: 'IL', zip: '606##', streets: ['### West Wacker Drive'] },
  Austin: { state: 'TX', zip: '787##', streets: ['### Lavaca Street'] },
  Seattle: { state: 'WA', zip: '981##', streets: ['### Westlake Avenue North'] },
  Toronto: { state: 'ON', zip: 'M5H #A#', streets: ['### Bay Street'] },
  London: { state: null, zip: 'EC2A #AB', streets: ['## Shoreditch High Street'] },
  Berlin: { state: null, zip: '10###', streets: ['Kurfuerstendamm ###'] },
  Munich: { state: 'Bavaria', zip: '80###', streets: ['Maximilianstrasse ##'] },
  Paris: { state: null, zip: '750##', streets: ['## Rue du Faubourg Saint-Honore'] },
  Amsterdam: { state: null, zip: '10## AB', streets: ['Herengracht ###'] },
  Singapore: { state: null, zip: '0#####', streets: ['## Marina Boulevard'] },
  Sydney: { state: 'NSW', zip: '2000', streets: ['### Kent Street'] },
} as const satisfies Record<
  City['city'],
  { state: string | null; zip: string; streets: readonly string[] }
>;

/** Who the invoices of a company go to. */
export const BILLING_CONTACTS = [
  'Accounts payable',
  'Finance department',
  'Billing contact',
] as const;

/**
 * What is billed outside subscriptions, often from a support ticket, with a rate in each demo
 * currency and the quantities it is bought in.
 */
export const SERVICES: readonly {
  description: string;
  /** Per unit, in each demo currency. */
  rates: Readonly<Record<string, number>>;
  quantity: readonly [number, number];
}[] = [
  {
    description: 'Onboarding session (2 hours)',
    rates: { JPY: 30000, USD: 250 },
    quantity: [1, 2],
  },
  {
    description: 'Data migration from a previous system',
    rates: { JPY: 80000, USD: 700 },
    quantity: [1, 1],
  },
  {
    description: 'Additional storage, 100 GB per month',
    rates: { JPY: 2000, USD: 15 },
    quantity: [1, 10],
  },
  { description: 'Priority support add-on', rates: { JPY: 10000, USD: 90 }, quantity: [1, 1] },
  { description: 'Custom report setup', rates: { JPY: 45000, USD: 400 }, quantity: [1, 3] },
  {
    description: 'Training workshop, per attendee',
    rates: { JPY: 8000, USD: 60 },
    quantity: [2, 12],
  },
  {
    description: 'API calls above the plan allowance, per 10,000',
    rates: { JPY: 500, USD: 4 },
    quantity: [1, 50],
  },
  { description: 'Consulting, per hour', rates: { JPY: 15000, USD: 150 }, quantity: [1, 8] },
];

/** Why a customer was given credit on an invoice it had paid. */
export const SERVICE_CREDIT_REASONS = [
  'Service credit for the outage on {date}',
  'Goodwill credit after a support escalation',
  'Billed twice for the same period',
  'Discount agreed at renewal, applied late',
] as const;

export const BANKS = ['MUFG', 'SMBC', 'Mizuho', 'Chase', 'Wells Fargo'] as const;
export const CARD_BRANDS = ['Visa', 'Mastercard', 'Amex', 'JCB'] as const;
