/**
 * Word lists for the demo data. Customers of the demo company are split between Japan, North
 * America and Europe, so names mix Japanese and Western ones. Everything is ASCII because names
 * are also turned into e-mail addresses and web domains.
 */

// prettier-ignore
export const FIRST_NAMES = [
  'Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Yuto', 'Sakura', 'Riku', 'Mei',
  'Kenji', 'Yuki', 'Takumi', 'Akari', 'Daiki', 'Misaki', 'Hiroshi', 'Naomi', 'Kaito', 'Emi',
  'Shota', 'Rina', 'Kazuki', 'Ayaka', 'Taro', 'Hanako', 'Emma', 'Olivia', 'James', 'Liam',
  'Sophia', 'Noah', 'Ava', 'William', 'Isabella', 'Lucas', 'Mia', 'Henry', 'Charlotte', 'Jack',
  'Amelia', 'Thomas', 'Grace', 'Daniel', 'Chloe', 'Samuel', 'Emily', 'Oliver', 'Hannah', 'Michael',
  'Laura', 'David', 'Sarah', 'Ethan', 'Julia', 'Ryan', 'Lena', 'Felix', 'Camille', 'Marco',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi',
  'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi',
  'Shimizu', 'Mori', 'Abe', 'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa', 'Okada', 'Hasegawa',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor',
  'Anderson', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Walker', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Carter', 'Schmidt',
  'Fischer', 'Dubois', 'Bernard', 'Rossi', 'Jansen',
] as const;

/** First words of company names. */
// prettier-ignore
export const COMPANY_PREFIXES = [
  'Sakura', 'Fuji', 'Northwind', 'Bluebird', 'Summit', 'Harbor', 'Pioneer', 'Kintsugi',
  'Evergreen', 'Silverline', 'Redwood', 'Atlas', 'Orion', 'Hikari', 'Aozora', 'Meridian',
  'Cobalt', 'Granite', 'Lumen', 'Polaris', 'Maple', 'Tsubasa', 'Yamato', 'Beacon', 'Crescent',
  'Vertex', 'Horizon', 'Keystone', 'Riverside', 'Sunrise', 'Willow', 'Midori', 'Osprey',
  'Pinnacle', 'Quartz', 'Sterling', 'Tidewater', 'Zenith', 'Kaede', 'Asahi',
] as const;

/** Second words of company names, each telling the company's industry. */
export const COMPANY_KINDS = [
  { word: 'Logistics', industry: 'Transportation & Logistics' },
  { word: 'Freight', industry: 'Transportation & Logistics' },
  { word: 'Trading', industry: 'Wholesale' },
  { word: 'Foods', industry: 'Food & Beverage' },
  { word: 'Brewing', industry: 'Food & Beverage' },
  { word: 'Robotics', industry: 'Industrial Machinery' },
  { word: 'Manufacturing', industry: 'Industrial Machinery' },
  { word: 'Analytics', industry: 'Software' },
  { word: 'Software', industry: 'Software' },
  { word: 'Systems', industry: 'IT Services' },
  { word: 'Networks', industry: 'Telecommunications' },
  { word: 'Pharma', industry: 'Pharmaceuticals' },
  { word: 'Healthcare', industry: 'Healthcare' },
  { word: 'Retail', industry: 'Retail' },
  { word: 'Apparel', industry: 'Retail' },
  { word: 'Media', industry: 'Media & Entertainment' },
  { word: 'Studio', industry: 'Media & Entertainment' },
  { word: 'Energy', industry: 'Energy & Utilities' },
  { word: 'Labs', industry: 'Biotechnology' },
  { word: 'Partners', industry: 'Professional Services' },
  { word: 'Consulting', industry: 'Professional Services' },
  { word: 'Motors', industry: 'Automotive' },
  { word: 'Electronics', industry: 'Consumer Electronics' },
  { word: 'Finance', industry: 'Financial Services' },
  { word: 'Hotels', industry: 'Hospitality' },
  { word: 'Construction', industry: 'Construction' },
  { word: 'Textiles', industry: 'Textiles' },
  { word: 'Education', industry: 'Education' },
] as const;

export type Currency = 'USD' | 'JPY' | 'EUR';

/**
 * Where customers are. `phone` is a pattern whose `#` become digits; the North American, British
 * and Australian ones stay inside the ranges reserved for fiction. `weight` makes Japan and the
 * United States the biggest markets.
 */
// prettier-ignore
export const CITIES = [
  { city: 'Tokyo', country: 'Japan', phone: '+81 3-####-####', currency: 'JPY', weight: 8 },
  { city: 'Osaka', country: 'Japan', phone: '+81 6-####-####', currency: 'JPY', weight: 4 },
  { city: 'Nagoya', country: 'Japan', phone: '+81 52-###-####', currency: 'JPY', weight: 2 },
  { city: 'Fukuoka', country: 'Japan', phone: '+81 92-###-####', currency: 'JPY', weight: 2 },
  { city: 'Sapporo', country: 'Japan', phone: '+81 11-###-####', currency: 'JPY', weight: 1 },
  { city: 'Yokohama', country: 'Japan', phone: '+81 45-###-####', currency: 'JPY', weight: 2 },
  { city: 'New York', country: 'United States', phone: '+1 212-555-01##', currency: 'USD', weight: 4 },
  { city: 'San Francisco', country: 'United States', phone: '+1 415-555-01##', currency: 'USD', weight: 3 },
  { city: 'Chicago', country: 'United States', phone: '+1 312-555-01##', currency: 'USD', weight: 2 },
  { city: 'Austin', country: 'United States', phone: '+1 512-555-01##', currency: 'USD', weight: 2 },
  { city: 'Seattle', country: 'United States', phone: '+1 206-555-01##', currency: 'USD', weight: 2 },
  { city: 'Toronto', country: 'Canada', phone: '+1 416-555-01##', currency: 'USD', weight: 1 },
  { city: 'London', country: 'United Kingdom', phone: '+44 20 7946 0###', currency: 'EUR', weight: 2 },
  { city: 'Berlin', country: 'Germany', phone: '+49 30 #######', currency: 'EUR', weight: 2 },
  { city: 'Munich', country: 'Germany', phone: '+49 89 #######', currency: 'EUR', weight: 1 },
  { city: 'Paris', country: 'France', phone: '+33 1 ## ## ## ##', currency: 'EUR', weight: 2 },
  { city: 'Amsterdam', country: 'Netherlands', phone: '+31 20 ### ####', currency: 'EUR', weight: 1 },
  { city: 'Singapore', country: 'Singapore', phone: '+65 6### ####', currency: 'USD', weight: 1 },
  { city: 'Sydney', country: 'Australia', phone: '+61 2 5550 ####', currency: 'USD', weight: 1 },
] as const satisfies readonly {
  city: string;
  country: string;
  phone: string;
  currency: Currency;
  weight: number;
}[];

export type City = (typeof CITIES)[number];

/** Mail providers of contacts who write in privately rather than for a company. */
export const PERSONAL_MAIL_DOMAINS = ['mail.example', 'inbox.example', 'post.example'] as const;

export const DEPARTMENT_NAMES = ['Support', 'Billing', 'Technical', 'Sales', 'Onboarding'] as const;
export type DepartmentName = (typeof DEPARTMENT_NAMES)[number];

export type ProductKind = 'software' | 'hardware' | 'service';

/**
 * The catalogue, with list prices in US dollars. Kinds alternate so that even the first five
 * (the smallest seed) give tickets about software, devices and services something to refer to.
 */
export const PRODUCTS: readonly { name: string; price: number; kind: ProductKind }[] = [
  { name: 'Cloud Desk Professional', price: 79, kind: 'software' },
  { name: 'POS Terminal T1', price: 649, kind: 'hardware' },
  { name: 'Premium Support Plan', price: 499, kind: 'service' },
  { name: 'Barcode Scanner BS-30', price: 119, kind: 'hardware' },
  { name: 'Inventory Sync', price: 49, kind: 'software' },
  { name: 'Receipt Printer RP-80', price: 229, kind: 'hardware' },
  { name: 'Onboarding Package', price: 1200, kind: 'service' },
  { name: 'Analytics Suite', price: 99, kind: 'software' },
  { name: 'Label Printer LP-5', price: 189, kind: 'hardware' },
  { name: 'Cloud Desk Starter', price: 29, kind: 'software' },
  { name: 'Card Reader CR-2', price: 59, kind: 'hardware' },
  { name: 'On-site Training Day', price: 1800, kind: 'service' },
  { name: 'Cloud Desk Enterprise', price: 149, kind: 'software' },
  { name: 'Cash Drawer CD-410', price: 139, kind: 'hardware' },
  { name: 'Mobile App License', price: 12, kind: 'software' },
  { name: 'Warehouse Tablet W10', price: 549, kind: 'hardware' },
  { name: 'Extended Warranty (2 years)', price: 99, kind: 'service' },
  { name: 'API Access Add-on', price: 39, kind: 'software' },
  { name: 'Rugged Handheld H7', price: 899, kind: 'hardware' },
  { name: 'Data Backup Add-on', price: 19, kind: 'software' },
  { name: 'Smart Router X200', price: 279, kind: 'hardware' },
  { name: 'Hardware Repair Service', price: 150, kind: 'service' },
  { name: 'Single Sign-On Add-on', price: 25, kind: 'software' },
  { name: 'Wi-Fi Access Point AP-6', price: 189, kind: 'hardware' },
  { name: 'E-commerce Connector', price: 59, kind: 'software' },
  { name: 'Network Switch 24-Port', price: 329, kind: 'hardware' },
  { name: 'Device Replacement Service', price: 75, kind: 'service' },
  { name: 'Accounting Connector', price: 45, kind: 'software' },
  { name: 'Security Camera Kit', price: 459, kind: 'hardware' },
  { name: 'Marketing Automation', price: 129, kind: 'software' },
  { name: 'Wireless Headset HS-3', price: 89, kind: 'hardware' },
  { name: 'Knowledge Base Pro', price: 39, kind: 'software' },
  { name: 'Docking Station DS-4', price: 169, kind: 'hardware' },
  { name: 'Live Chat Widget', price: 29, kind: 'software' },
  { name: '27-inch Monitor', price: 249, kind: 'hardware' },
  { name: 'Call Center Telephony', price: 89, kind: 'software' },
  { name: 'Thermal Paper Rolls (50 pack)', price: 45, kind: 'hardware' },
  { name: 'Custom Reports Pack', price: 69, kind: 'software' },
  { name: 'Shipping Labels (1000 pack)', price: 32, kind: 'hardware' },
  { name: 'Survey Builder', price: 19, kind: 'software' },
];

/**
 * Typical help desk requests. A request with `product` is about a product of that kind, named
 * by the {product} placeholder; other placeholders: {order}, {invoice}, {firstName}, {account}.
 */
export const TICKET_REQUESTS: readonly {
  department: DepartmentName;
  subject: string;
  description: string;
  product?: ProductKind;
}[] = [
  {
    department: 'Billing',
    subject: 'Question about my latest invoice',
    description:
      'Hello,\n\nour invoice {invoice} lists more seats than we actually use. Could you check it and send a corrected one?\n\nThanks,\n{firstName}',
  },
  {
    department: 'Billing',
    subject: 'Charged twice this month',
    description:
      'Hi team,\n\nthe card on file was charged twice on the same day for {invoice}. Please refund the duplicate payment.\n\nBest regards,\n{firstName}',
  },
  {
    department: 'Billing',
    subject: 'Invoice {invoice} shows the wrong tax rate',
    description:
      'Hello,\n\nthe invoice applies 10% tax, but {account} is exempt; our certificate is on file. Could you reissue it?\n\n{firstName}',
  },
  {
    department: 'Billing',
    subject: 'Please update our billing address',
    description:
      'Our finance department has moved. Please send future invoices for {account} to the new address and reissue {invoice}.\n\n{firstName}',
  },
  {
    department: 'Billing',
    subject: 'Payment by card failed',
    description:
      'The payment for {invoice} was declined although the card is valid. Is there a problem on your side?\n\nThanks,\n{firstName}',
  },
  {
    department: 'Billing',
    subject: 'Refund for the {product}',
    description:
      'Hi,\n\nwe cancelled the {product} within the trial period but were still billed on {invoice}. Please refund it.\n\n{firstName}',
    product: 'software',
  },
  {
    department: 'Support',
    subject: 'Shipment delayed',
    description:
      'Hello,\n\norder {order} was supposed to arrive last week and the tracking page has not changed for five days. When can we expect it?\n\n{firstName}',
  },
  {
    department: 'Support',
    subject: 'Damaged {product} received',
    description:
      'Hi,\n\nthe {product} from order {order} arrived with a cracked case. Can you send a replacement?\n\nThanks,\n{firstName}',
    product: 'hardware',
  },
  {
    department: 'Support',
    subject: 'Wrong item delivered for order {order}',
    description:
      'We received a different item than the {product} we ordered. Please advise how to exchange it.\n\nRegards,\n{firstName}',
    product: 'hardware',
  },
  {
    department: 'Support',
    subject: 'How do I return the {product}?',
    description:
      'Hello,\n\nthe {product} does not fit our setup and we would like to return it. What is the procedure?\n\n{firstName}',
    product: 'hardware',
  },
  {
    department: 'Support',
    subject: 'Change the delivery address of order {order}',
    description:
      'Hi,\n\ncould you ship order {order} to our warehouse instead of the head office? It has not left your depot yet.\n\n{firstName}',
  },
  {
    department: 'Support',
    subject: 'Warranty claim for the {product}',
    description:
      'The {product} stopped working after eight months. It should still be under warranty; what do you need from us?\n\n{firstName}',
    product: 'hardware',
  },
  {
    department: 'Technical',
    subject: 'Cannot log in',
    description:
      'Hi,\n\nsince this morning I get "invalid credentials" although my password is correct. Several colleagues at {account} have the same problem.\n\n{firstName}',
  },
  {
    department: 'Technical',
    subject: 'Password reset e-mail never arrives',
    description:
      'Hello,\n\nI requested a password reset three times but no e-mail arrived, not even in the spam folder.\n\nThanks,\n{firstName}',
  },
  {
    department: 'Technical',
    subject: 'Two-factor code is rejected',
    description:
      'The six-digit code from my authenticator app is rejected every time. The clock on my phone is correct.\n\n{firstName}',
  },
  {
    department: 'Technical',
    subject: '{product} keeps restarting',
    description:
      'The {product} freezes and restarts every few minutes since the last firmware update. We already power-cycled it twice.\n\n{firstName}',
    product: 'hardware',
  },
  {
    department: 'Technical',
    subject: '{product} stopped syncing',
    description:
      'Hi support,\n\nthe {product} has not synced since yesterday and the log shows timeouts. Can you take a look?\n\nBest,\n{firstName}',
    product: 'software',
  },
  {
    department: 'Technical',
    subject: 'Error 500 when exporting reports',
    description:
      'Exporting the monthly report fails with "Error 500". Smaller date ranges work fine.\n\n{firstName}',
  },
  {
    department: 'Technical',
    subject: 'API rate limit exceeded',
    description:
      'Our nightly import now fails with HTTP 429 after a few hundred requests. Did the limits change?\n\n{firstName}',
  },
  {
    department: 'Sales',
    subject: 'Pricing for 50 more seats',
    description:
      'Hello,\n\n{account} is growing and we need about 50 additional seats. Could you send us a quote?\n\nBest regards,\n{firstName}',
  },
  {
    department: 'Sales',
    subject: 'Request a quote for the {product}',
    description:
      'Hi,\n\nwe are interested in the {product} for our new branch. What would 20 units cost, including shipping?\n\n{firstName}',
    product: 'hardware',
  },
  {
    department: 'Sales',
    subject: 'Upgrade from the {product}',
    description:
      'We have outgrown the {product}. Which plan would you recommend for about 200 users, and can we switch mid-contract?\n\n{firstName}',
    product: 'software',
  },
  {
    department: 'Sales',
    subject: 'Trial extension request',
    description:
      'Our trial ends on Friday but the evaluation is not finished yet. Could you extend it by two weeks?\n\nThanks,\n{firstName}',
  },
  {
    department: 'Onboarding',
    subject: 'Help setting up our workspace',
    description:
      'Hello,\n\nwe just signed up and would like help configuring departments and user roles for {account}.\n\n{firstName}',
  },
  {
    department: 'Onboarding',
    subject: 'Importing contacts from a spreadsheet',
    description:
      'Hi,\n\nwe have about 3,000 contacts in a spreadsheet. What format does the import expect?\n\nThanks,\n{firstName}',
  },
  {
    department: 'Onboarding',
    subject: 'Scheduling the {product}',
    description:
      'We booked the {product} with our order. Could we schedule it for a weekday next month?\n\n{firstName}',
    product: 'service',
  },
  {
    department: 'Onboarding',
    subject: 'Configuring the {product}',
    description:
      'We installed the {product} but are not sure which settings fit a small shop. Is there a guide?\n\n{firstName}',
    product: 'hardware',
  },
];

/** Deal names follow "<account> - <kind>"; {seats} and {city} are filled in. */
export const DEAL_KINDS = [
  'Annual renewal',
  'Enterprise plan upgrade',
  '{seats} additional seats',
  'Onboarding package',
  'Premium support contract',
  'Multi-year agreement',
  'Pilot project',
  'Hardware refresh',
  'Expansion to the {city} office',
  'Analytics Suite rollout',
] as const;

export const CRM_TASK_SUBJECTS = [
  'Follow-up call',
  'Send proposal',
  'Schedule product demo',
  'Prepare quote',
  'Check in after onboarding',
  'Confirm contract details with legal',
  'Quarterly business review',
  'Send renewal reminder',
  'Collect feedback on the trial',
  'Introduce the new account manager',
] as const;

export const CRM_TASK_DESCRIPTIONS = [
  'Agree on the next steps and the decision timeline.',
  'Include the volume discount we discussed on the last call.',
  'They asked to see reporting and the mobile app.',
  'Make sure the purchasing department is in copy.',
  'Ask whether the budget for next year is approved.',
  'Bring the usage numbers of the last quarter.',
] as const;

export const CRM_TASK_COMMENTS = [
  'Left a voicemail, will try again tomorrow.',
  'Customer asked for a revised quote.',
  'Meeting moved to next week at their request.',
  'Sent the proposal by e-mail.',
  'Legal review is done, waiting for the signature.',
  'Budget approved on their side.',
  'They are comparing us with two other vendors.',
  'Demo went well, they want a trial for the whole team.',
  'Reminder sent, no answer yet.',
  'Decision maker is on holiday until the end of the month.',
] as const;
