/**
 * Word lists for the inventory demo: Aozora Trading sells packaging, warehouse and office supplies
 * to the help desk's customers. Everything is ASCII, like desk's word lists.
 */
import type { City } from '../../desk/seed/vocabulary';

/**
 * What the organizations stock, with list prices in US dollars. `code` starts the SKU; none of
 * them is "PRD", the prefix of desk's product codes, so a synced item never takes a desk code.
 */
export const ITEM_KINDS: readonly {
  name: string;
  code: string;
  price: number;
  unit: string;
  variants: readonly string[];
  description: string | null;
}[] = [
  {
    name: 'Cardboard Box',
    code: 'BOX',
    price: 1.2,
    unit: 'pcs',
    variants: ['Small', 'Medium', 'Large', 'Extra Large'],
    description: 'Double-wall corrugated shipping box.',
  },
  {
    name: 'Packing Tape',
    code: 'TAP',
    price: 3.5,
    unit: 'roll',
    variants: ['Clear 48 mm', 'Brown 48 mm', 'Printed Fragile'],
    description: '66 m per roll.',
  },
  {
    name: 'Bubble Wrap',
    code: 'BUB',
    price: 18,
    unit: 'roll',
    variants: ['30 cm x 50 m', '60 cm x 50 m', '120 cm x 50 m'],
    description: null,
  },
  {
    name: 'Thermal Label',
    code: 'LBL',
    price: 14,
    unit: 'roll',
    variants: ['50 x 25 mm', '100 x 150 mm', '62 mm Continuous'],
    description: 'Direct thermal labels for shipping and barcode printers.',
  },
  {
    name: 'USB-C Cable',
    code: 'USB',
    price: 9,
    unit: 'pcs',
    variants: ['1 m', '2 m', '3 m'],
    description: null,
  },
  {
    name: 'HDMI Cable',
    code: 'HDM',
    price: 11,
    unit: 'pcs',
    variants: ['1 m', '2 m', '5 m'],
    description: null,
  },
  {
    name: 'LAN Cable Cat6',
    code: 'LAN',
    price: 7,
    unit: 'pcs',
    variants: ['1 m', '3 m', '10 m', '30 m'],
    description: null,
  },
  {
    name: 'Power Strip',
    code: 'PWR',
    price: 24,
    unit: 'pcs',
    variants: ['4 Outlets', '6 Outlets', '6 Outlets with USB'],
    description: 'With surge protection and a 2 m cord.',
  },
  {
    name: 'Wireless Mouse',
    code: 'MSE',
    price: 22,
    unit: 'pcs',
    variants: ['Black', 'White', 'Gray'],
    description: null,
  },
  {
    name: 'Keyboard',
    code: 'KBD',
    price: 45,
    unit: 'pcs',
    variants: ['US Layout', 'JIS Layout', 'Compact US Layout'],
    description: null,
  },
  {
    name: 'Monitor Arm',
    code: 'ARM',
    price: 89,
    unit: 'pcs',
    variants: ['Single', 'Dual'],
    description: 'Clamp or grommet mount, for screens up to 32 inches.',
  },
  {
    name: 'Office Chair',
    code: 'CHR',
    price: 240,
    unit: 'pcs',
    variants: ['Mesh', 'Leather', 'Ergonomic'],
    description: null,
  },
  {
    name: 'Standing Desk',
    code: 'DSK',
    price: 420,
    unit: 'pcs',
    variants: ['120 cm', '140 cm', '160 cm'],
    description: 'Electric height adjustment with two memory positions.',
  },
  {
    name: 'Storage Shelf',
    code: 'SHF',
    price: 130,
    unit: 'pcs',
    variants: ['4 Tiers', '5 Tiers'],
    description: 'Steel, 150 kg per tier.',
  },
  {
    name: 'Plastic Bin',
    code: 'BIN',
    price: 6.5,
    unit: 'pcs',
    variants: ['10 L', '20 L', '40 L'],
    description: 'Stackable, with lid.',
  },
  {
    name: 'Stretch Film',
    code: 'FLM',
    price: 21,
    unit: 'roll',
    variants: ['17 um', '23 um'],
    description: '500 mm wide, for pallet wrapping.',
  },
  {
    name: 'Hand Truck',
    code: 'HTR',
    price: 160,
    unit: 'pcs',
    variants: ['Folding', 'Convertible'],
    description: null,
  },
  {
    name: 'Safety Gloves',
    code: 'GLV',
    price: 4.2,
    unit: 'pair',
    variants: ['Size M', 'Size L', 'Size XL'],
    description: 'Cut-resistant, nitrile-coated.',
  },
  {
    name: 'Safety Helmet',
    code: 'HLM',
    price: 28,
    unit: 'pcs',
    variants: ['White', 'Yellow'],
    description: null,
  },
  {
    name: 'LED Work Light',
    code: 'LGT',
    price: 35,
    unit: 'pcs',
    variants: ['20 W', '50 W'],
    description: 'Rechargeable, with magnetic base.',
  },
  {
    name: 'Copy Paper A4',
    code: 'PPR',
    price: 32,
    unit: 'box',
    variants: ['70 gsm', '80 gsm', 'Recycled'],
    description: 'Five reams of 500 sheets.',
  },
  {
    name: 'Ballpoint Pen',
    code: 'PEN',
    price: 8,
    unit: 'box',
    variants: ['Black', 'Blue', 'Red'],
    description: 'Box of 12.',
  },
  {
    name: 'Sticky Notes',
    code: 'NTE',
    price: 5,
    unit: 'pack',
    variants: ['Yellow', 'Assorted Colors'],
    description: null,
  },
  {
    name: 'Whiteboard Marker',
    code: 'MRK',
    price: 9,
    unit: 'pack',
    variants: ['Black', 'Assorted Colors'],
    description: 'Pack of 4.',
  },
  {
    name: 'Shipping Envelope',
    code: 'ENV',
    price: 0.6,
    unit: 'pcs',
    variants: ['A4', 'A5', 'Padded A4'],
    description: null,
  },
  {
    name: 'Tape Dispenser',
    code: 'TDS',
    price: 19,
    unit: 'pcs',
    variants: ['48 mm', '72 mm'],
    description: null,
  },
  {
    name: 'Zip Bag',
    code: 'ZIP',
    price: 7,
    unit: 'pack',
    variants: ['Small', 'Medium', 'Large'],
    description: 'Pack of 100.',
  },
  {
    name: 'Printer Ribbon',
    code: 'RBN',
    price: 12,
    unit: 'roll',
    variants: ['Wax 110 mm', 'Resin 110 mm'],
    description: 'For thermal transfer label printers.',
  },
  {
    name: 'Label Scale',
    code: 'SCL',
    price: 75,
    unit: 'pcs',
    variants: ['30 kg', '150 kg'],
    description: 'Postal scale with a USB connection.',
  },
];

/** How addresses look in each of desk's cities; `#` becomes a random digit. */
export const ADDRESS_STYLES = {
  Tokyo: {
    state: 'Tokyo',
    zip: '1##-####',
    streets: [
      '#-#-# Marunouchi, Chiyoda-ku',
      '#-##-# Shibuya, Shibuya-ku',
      '#-#-## Ginza, Chuo-ku',
    ],
  },
  Osaka: {
    state: 'Osaka',
    zip: '5##-####',
    streets: ['#-#-# Umeda, Kita-ku', '#-##-# Honmachi, Chuo-ku'],
  },
  Nagoya: { state: 'Aichi', zip: '4##-####', streets: ['#-#-# Meieki, Nakamura-ku'] },
  Fukuoka: { state: 'Fukuoka', zip: '8##-####', streets: ['#-#-# Hakata Ekimae, Hakata-ku'] },
  Sapporo: { state: 'Hokkaido', zip: '06#-####', streets: ['Kita #-jo Nishi #-#, Chuo-ku'] },
  Yokohama: { state: 'Kanagawa', zip: '22#-####', streets: ['#-#-# Minatomirai, Nishi-ku'] },
  'New York': {
    state: 'NY',
    zip: '100##',
    streets: ['### Broadway', '## West 34th Street', '### Madison Avenue'],
  },
  'San Francisco': {
    state: 'CA',
    zip: '941##',
    streets: ['### Market Street', '### Mission Street'],
  },
  Chicago: {
    state: 'IL',
    zip: '606##',
    streets: ['### North Michigan Avenue', '### West Madison Street'],
  },
  Austin: { state: 'TX', zip: '787##', streets: ['### Congress Avenue', '### East 6th Street'] },
  Seattle: { state: 'WA', zip: '981##', streets: ['### Pine Street', '### 1st Avenue'] },
  Toronto: {
    state: 'ON',
    zip: 'M5V #A#',
    streets: ['### King Street West', '### Front Street West'],
  },
  London: { state: null, zip: 'EC1A #BB', streets: ['## King Street', '### Old Street'] },
  Berlin: { state: null, zip: '10###', streets: ['Friedrichstrasse ##', 'Torstrasse ###'] },
  Munich: {
    state: 'Bavaria',
    zip: '80###',
    streets: ['Leopoldstrasse ##', 'Sendlinger Strasse ##'],
  },
  Paris: { state: null, zip: '750##', streets: ['## Rue de Rivoli', '### Boulevard Haussmann'] },
  Amsterdam: { state: null, zip: '10## AB', streets: ['Keizersgracht ###', 'Damrak ##'] },
  Singapore: { state: null, zip: '0#####', streets: ['## Raffles Place', '### Orchard Road'] },
  Sydney: { state: 'NSW', zip: '2000', streets: ['### George Street', '## Pitt Street'] },
} as const satisfies Record<
  City['city'],
  { state: string | null; zip: string; streets: readonly string[] }
>;

/** Who receives goods that go to a customer's warehouse rather than to the person. */
export const RECEIVING_DESKS = ['Warehouse receiving', 'Loading dock', 'Goods inward'] as const;

export const DOMESTIC_CARRIERS = ['Yamato Transport', 'Sagawa Express', 'Japan Post'] as const;
export const INTERNATIONAL_CARRIERS = ['FedEx', 'DHL', 'Japan Post'] as const;
export type Carrier = (typeof DOMESTIC_CARRIERS | typeof INTERNATIONAL_CARRIERS)[number];

/** Each carrier's tracking number format; `#` becomes a random digit. */
export const TRACKING_FORMATS: Record<Carrier, string> = {
  'Yamato Transport': '####-####-####',
  'Sagawa Express': '############',
  'Japan Post': 'EJ#########JP',
  FedEx: '############',
  DHL: '##########',
};

export const ORDER_NOTES = [
  'Please deliver to the loading dock.',
  'Deliver on weekdays between 9:00 and 17:00.',
  'Partial deliveries are fine.',
  'Quote the order number on the delivery note.',
  'Call before delivery.',
] as const;

export const INVOICE_NOTES = [
  'Thank you for your business.',
  'Please quote the invoice number with your payment.',
  'Bank transfer fees are borne by the payer.',
] as const;

export const RETURN_REASONS = [
  'Damaged in transit',
  'Wrong item delivered',
  'Defective on arrival',
  'Ordered by mistake',
  'No longer needed',
] as const;
