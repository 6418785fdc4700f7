import { parsePdf } from '../../../test/pdfStructure';
import {
  type PdfLineItem,
  type PdfTransaction,
  renderTransactionPdf,
  transactionPdfFileName,
} from './transaction';
import { pdfString } from './writer';

const line = (n: number): PdfLineItem => ({
  description: `Consulting day ${n}`,
  quantity: 1,
  rate: 1000,
  taxRate: 10,
  amount: 1000,
});

const invoice: PdfTransaction = {
  kind: 'INVOICE',
  organizationName: 'Aozora Books',
  number: 'INV-00012',
  date: '2026-03-10',
  dueOn: '2026-04-09',
  status: 'PARTIALLY_PAID',
  contact: { name: 'Acme (Tokyo) \\ Ltd', companyName: 'Acme', email: 'billing@acme.example' },
  lineItems: [
    { description: 'Annual support', quantity: 1, rate: 1234.5, taxRate: 0, amount: 1234.5 },
  ],
  subTotal: 1234.5,
  tax: 0,
  total: 1234.5,
  balanceDue: 234.5,
  currency: 'USD',
  notes: 'Thank you for your business.',
};

describe('renderTransactionPdf', () => {
  it('is a well-formed PDF 1.4 file showing the document', () => {
    const { pages, objects } = parsePdf(renderTransactionPdf(invoice));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    for (const shown of [
      'Aozora Books',
      'INVOICE',
      'INV-00012',
      '2026-03-10',
      '2026-04-09',
      'Partially paid',
      'USD',
      'Annual support',
      '$1,234.50',
      '$234.50',
      'Thank you for your business.',
      'billing@acme.example',
      'INV-00012 - page 1 of 1',
    ]) {
      expect(page).toContain(pdfString(shown));
    }
    // Parentheses and backslashes are escaped.
    expect(page).toContain('(Acme \\(Tokyo\\) \\\\ Ltd)');
    expect(objects.get(5)).toBe(
      '<< /Title (INVOICE INV-00012) /Producer (customer-graph books) >>',
    );
  });

  it('continues 80 lines on further pages, each with the table header and a footer', () => {
    const lineItems = Array.from({ length: 80 }, (_, index) => line(index + 1));
    const { pages } = parsePdf(
      renderTransactionPdf({
        ...invoice,
        lineItems,
        subTotal: 80_000,
        tax: 8000,
        total: 88_000,
        balanceDue: 88_000,
      }),
    );
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(pdfString('Description'));
      expect(page).toContain(pdfString(`INV-00012 - page ${index + 1} of ${pages.length}`));
      if (index > 0) expect(page).toContain(pdfString('INVOICE INV-00012 (continued)'));
    });
    const all = pages.join('\n');
    for (const item of lineItems) expect(all).toContain(pdfString(item.description));
    expect(all).toContain(pdfString('$88,000.00'));
    // Every text is drawn inside the page, above the bottom margin.
    for (const [, y] of all.matchAll(/ ([\d.]+) Td /g)) {
      expect(Number(y)).toBeGreaterThanOrEqual(32);
      expect(Number(y)).toBeLessThan(842);
    }
  });

  it('shows an estimate and a sales order with their own title and date', () => {
    const estimate = parsePdf(
      renderTransactionPdf({
        ...invoice,
        kind: 'ESTIMATE',
        number: 'EST-00003',
        status: 'SENT',
        balanceDue: null,
      }),
    ).pages[0];
    expect(estimate).toContain(pdfString('ESTIMATE'));
    expect(estimate).toContain(pdfString('Expires on'));
    expect(estimate).not.toContain(pdfString('Balance due'));
    const order = parsePdf(
      renderTransactionPdf({
        ...invoice,
        kind: 'SALES_ORDER',
        number: 'SO-00001',
        dueOn: null,
        status: 'OPEN',
        balanceDue: null,
        lineItems: [],
        notes: null,
      }),
    ).pages[0];
    expect(order).toContain(pdfString('SALES ORDER'));
    expect(order).not.toContain(pdfString('Shipment date'));
    expect(order).toContain(pdfString('No line items'));
  });

  it('shows yen in WinAnsi, a symbol the font lacks by its code, and Japanese names as question marks', () => {
    const yen = parsePdf(
      renderTransactionPdf({
        ...invoice,
        currency: 'JPY',
        total: 48000,
        contact: { name: '山田 太郎', companyName: null, email: null },
      }),
    ).pages[0];
    expect(yen).toContain('(\\24548,000)');
    expect(yen).toContain('(?? ??)');
    const rupees = parsePdf(renderTransactionPdf({ ...invoice, currency: 'INR' })).pages[0];
    expect(rupees).toContain(pdfString('INR 1,234.50'));
  });
});

describe('transactionPdfFileName', () => {
  it('is the number with .pdf', () => {
    expect(transactionPdfFileName('INV-00012')).toBe('INV-00012.pdf');
    expect(transactionPdfFileName('SO/1 "x"')).toBe('SO_1__x_.pdf');
  });
});
