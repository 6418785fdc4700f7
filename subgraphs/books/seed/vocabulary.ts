import type { PaymentMode } from '../domain/payments';
import type { TemplateKind } from '../domain/templates';

/** How an item is counted, which decides the quantities lines take of it. */
export type Unit = 'hour' | 'day' | 'seat' | 'month' | 'unit' | 'person' | 'job';

export interface ItemWord {
  sku: string;
  name: string;
  rate: number;
  /** Percent. */
  taxRate: number;
  unit: Unit;
  /** Retired on RETIRED_ON: offered no more, still on older documents. */
  retired?: true;
}

/**
 * Aozora Books' catalogue, in yen. Japanese consumption tax is 10%, 8% on food (the workshop
 * catering); reimbursed travel carries none.
 */
export const BOOKS_ITEMS: readonly ItemWord[] = [
  { sku: 'CONS-HR', name: 'Consulting (per hour)', rate: 15_000, taxRate: 10, unit: 'hour' },
  { sku: 'IMPL-DAY', name: 'Implementation day', rate: 120_000, taxRate: 10, unit: 'day' },
  { sku: 'TRAIN-SES', name: 'On-site training session', rate: 80_000, taxRate: 10, unit: 'job' },
  {
    sku: 'SUP-STD-M',
    name: 'Standard support (monthly)',
    rate: 30_000,
    taxRate: 10,
    unit: 'month',
  },
  { sku: 'SUP-PRM-M', name: 'Premium support (monthly)', rate: 60_000, taxRate: 10, unit: 'month' },
  {
    sku: 'LIC-SEAT-M',
    name: 'Cloud seat licence (monthly)',
    rate: 3_300,
    taxRate: 10,
    unit: 'seat',
  },
  {
    sku: 'LIC-SEAT-Y',
    name: 'Cloud seat licence (yearly)',
    rate: 36_000,
    taxRate: 10,
    unit: 'seat',
  },
  { sku: 'HW-POS-T1', name: 'POS terminal T1', rate: 98_000, taxRate: 10, unit: 'unit' },
  { sku: 'HW-SCAN-30', name: 'Barcode scanner BS-30', rate: 17_800, taxRate: 10, unit: 'unit' },
  { sku: 'HW-PRN-80', name: 'Receipt printer RP-80', rate: 34_500, taxRate: 10, unit: 'unit' },
  { sku: 'HW-DRW-410', name: 'Cash drawer CD-410', rate: 21_000, taxRate: 10, unit: 'unit' },
  { sku: 'HW-LBL-5', name: 'Label printer LP-5', rate: 28_400, taxRate: 10, unit: 'unit' },
  { sku: 'MNT-VISIT', name: 'On-site maintenance visit', rate: 25_000, taxRate: 10, unit: 'job' },
  { sku: 'DATA-MIG', name: 'Data migration', rate: 200_000, taxRate: 10, unit: 'job' },
  { sku: 'DEV-HR', name: 'Custom development (per hour)', rate: 18_000, taxRate: 10, unit: 'hour' },
  {
    sku: 'CAT-LUNCH',
    name: 'Workshop catering (per person)',
    rate: 1_500,
    taxRate: 8,
    unit: 'person',
  },
  { sku: 'TRAVEL', name: 'Travel expenses', rate: 12_000, taxRate: 0, unit: 'job' },
  { sku: 'SHIP', name: 'Shipping and handling', rate: 1_200, taxRate: 10, unit: 'unit' },
  {
    sku: 'LIC-LEGACY',
    name: 'Cloud seat licence (legacy plan)',
    rate: 2_800,
    taxRate: 10,
    unit: 'seat',
    retired: true,
  },
  {
    sku: 'HW-PRN-60',
    name: 'Receipt printer RP-60',
    rate: 29_800,
    taxRate: 10,
    unit: 'unit',
    retired: true,
  },
];

/** Aozora Invoice Labs' catalogue, in dollars; New York sales tax on goods, none on services. */
export const LABS_ITEMS: readonly ItemWord[] = [
  { sku: 'RES-WEEK', name: 'Research sprint (per week)', rate: 6_000, taxRate: 0, unit: 'job' },
  { sku: 'PROTO', name: 'Prototype build', rate: 12_500, taxRate: 0, unit: 'job' },
  { sku: 'KIT-LAB', name: 'Lab hardware kit', rate: 480, taxRate: 8.875, unit: 'unit' },
  { sku: 'SM-2', name: 'Sensor module SM-2', rate: 89.5, taxRate: 8.875, unit: 'unit' },
  { sku: 'ADV-HR', name: 'Advisory hour', rate: 220, taxRate: 0, unit: 'hour' },
  { sku: 'WS-SEAT', name: 'Workshop seat', rate: 350, taxRate: 0, unit: 'person' },
  { sku: 'FIELD-DAY', name: 'Field test day', rate: 1_800, taxRate: 0, unit: 'day' },
  {
    sku: 'SM-1',
    name: 'Sensor module SM-1',
    rate: 59.9,
    taxRate: 8.875,
    unit: 'unit',
    retired: true,
  },
];

/** Retired items were taken off the catalogue on this day. */
export const RETIRED_ON = '2026-04-01';

/** Lines typed in rather than taken from an item; `rate` is in the organization's currency. */
export const CUSTOM_LINES: Readonly<
  Partial<
    Record<
      string,
      readonly { description: string; rates: readonly [number, number]; taxRate: number }[]
    >
  >
> = {
  JPY: [
    { description: 'Express delivery surcharge', rates: [2_000, 8_000], taxRate: 10 },
    { description: 'Weekend work surcharge', rates: [20_000, 60_000], taxRate: 10 },
    { description: 'Venue hire for the workshop', rates: [30_000, 90_000], taxRate: 10 },
  ],
  USD: [
    { description: 'Expedited shipping', rates: [40, 180], taxRate: 0 },
    { description: 'Travel and lodging', rates: [600, 2_400], taxRate: 0 },
  ],
};

/** Customers Aozora Books has that desk does not know: no account, no contact. */
export const BOOKS_ONLY_CONTACTS: readonly { name: string; city: string }[] = [
  { name: 'Hoshino Bakery', city: 'Tokyo' },
  { name: 'Kawaguchi Design Office', city: 'Osaka' },
  { name: 'Minato Printing', city: 'Yokohama' },
  { name: 'Sora Dental Clinic', city: 'Fukuoka' },
  { name: 'Tsubaki Ryokan', city: 'Sapporo' },
  { name: 'Yamabuki Florists', city: 'Nagoya' },
  { name: 'Kujira Coffee Roasters', city: 'Tokyo' },
  { name: 'Ishida Tax Accountants', city: 'Osaka' },
];

/** Aozora Invoice Labs' customers, none of them synced with desk (the labs were never connected). */
export const LABS_CONTACTS: readonly { name: string; city: string }[] = [
  { name: 'Brightwater Robotics', city: 'Boston' },
  { name: 'Cedar Peak Instruments', city: 'Denver' },
  { name: 'Harbor Light Analytics', city: 'Baltimore' },
  { name: 'Lumen Field Sensors', city: 'Portland' },
  { name: 'Northgate Materials', city: 'Minneapolis' },
  { name: 'Pinecrest Biolabs', city: 'Raleigh' },
  { name: 'Quarry Lane Systems', city: 'Pittsburgh' },
  { name: 'Redwood Signal Works', city: 'Sacramento' },
  { name: 'Silver Creek Foods', city: 'Boise' },
  { name: 'Tidewater Marine Tech', city: 'Norfolk' },
  { name: 'Upland Energy Co-op', city: 'Madison' },
  { name: 'Westbrook Ceramics', city: 'Santa Fe' },
];

/** Notes people leave on documents; most have none. */
export const NOTES: readonly string[] = [
  'Thank you for your business.',
  'Prices valid for the quantities quoted.',
  'Delivery within two weeks of confirmation.',
  'Payment by bank transfer, please quote the document number.',
  'Includes set-up at your premises.',
];

export interface TemplateWord {
  kind: TemplateKind;
  name: string;
  subject: string;
  body: string;
}

/**
 * BKS-11 templates of each organization, and the statement of account's (BKS-7); the first of each
 * kind is its standard one.
 */
export const TEMPLATES: readonly TemplateWord[] = [
  {
    kind: 'ESTIMATE',
    name: 'Standard estimate',
    subject: 'Estimate {{number}} from {{organizationName}}',
    body: 'Dear {{contactName}},\n\nThank you for your enquiry. Please find attached estimate {{number}} for {{total}}.\n\nKind regards,\n{{organizationName}}',
  },
  {
    kind: 'ESTIMATE',
    name: 'Estimate follow-up',
    subject: 'Following up on estimate {{number}}',
    body: 'Dear {{contactName}},\n\nWe wanted to check whether estimate {{number}} ({{total}}) meets your needs. It is attached again for convenience.\n\nBest regards,\n{{organizationName}}',
  },
  {
    kind: 'INVOICE',
    name: 'Standard invoice',
    subject: 'Invoice {{number}} from {{organizationName}}',
    body: 'Dear {{contactName}},\n\nPlease find attached invoice {{number}} for {{total}}, due on {{dueOn}}.\n\nThank you for your business,\n{{organizationName}}',
  },
  {
    kind: 'INVOICE',
    name: 'Payment reminder',
    subject: 'Reminder: invoice {{number}} is due on {{dueOn}}',
    body: 'Dear {{contactName}},\n\nThis is a friendly reminder that invoice {{number}} for {{total}} is due on {{dueOn}}. If you have already paid, please disregard this message.\n\n{{organizationName}}',
  },
  {
    kind: 'SALES_ORDER',
    name: 'Order confirmation',
    subject: 'Sales order {{number}} confirmed',
    body: 'Dear {{contactName}},\n\nWe confirm your order {{number}} for {{total}}. The order is attached.\n\nKind regards,\n{{organizationName}}',
  },
  {
    kind: 'STATEMENT',
    name: 'Statement of account',
    subject: 'Your statement of account from {{organizationName}}',
    body: 'Dear {{contactName}},\n\nPlease find attached your statement of account as of {{date}}. {{outstanding}} is outstanding; you hold {{unusedCredits}} in unused credits.\n\nKind regards,\n{{organizationName}}',
  },
];

/** How customers pay, by weight: mostly by bank transfer, as Japanese businesses do. */
export const PAYMENT_MODE_WEIGHTS: readonly (readonly [PaymentMode, number])[] = [
  ['BANK_TRANSFER', 55],
  ['CARD', 25],
  ['CHECK', 12],
  ['CASH', 8],
];
