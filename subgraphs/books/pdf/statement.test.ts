import { parsePdf } from '../../../test/pdfStructure';
import {
  type PdfStatement,
  type PdfStatementInvoice,
  renderStatementPdf,
  statementPdfFileName,
} from './statement';
import { pdfString } from './writer';

const invoice = (n: number): PdfStatementInvoice => ({
  number: `INV-${String(n).padStart(5, '0')}`,
  date: '2026-10-01',
  dueOn: '2026-10-31',
  status: 'OVERDUE',
  total: 11_000,
  balanceDue: 11_000,
  currency: 'JPY',
});

const statement: PdfStatement = {
  organizationName: 'Aozora Books',
  contact: { name: 'Acme (Tokyo)', companyName: 'Acme', email: 'billing@acme.example' },
  date: '2026-11-23',
  currency: 'JPY',
  invoices: [
    invoice(12),
    { ...invoice(15), status: 'PARTIALLY_PAID', dueOn: '2026-12-01', balanceDue: 4_000 },
  ],
  outstanding: 15_000,
  unusedCredits: 2_500,
};

describe('renderStatementPdf', () => {
  it('is a well-formed PDF showing each outstanding invoice, the total outstanding and the credits', () => {
    const { pages, objects } = parsePdf(renderStatementPdf(statement));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    for (const shown of [
      'Aozora Books',
      'STATEMENT',
      'Statement for',
      'billing@acme.example',
      '2026-11-23',
      'Open invoices',
      'INV-00012',
      'INV-00015',
      'Overdue',
      'Partially paid',
      '2026-12-01',
      '¥11,000',
      '¥4,000',
      'Total outstanding',
      '¥15,000',
      'Unused credits',
      '¥2,500',
      'STATEMENT 2026-11-23 - page 1 of 1',
    ]) {
      expect(page).toContain(pdfString(shown));
    }
    expect(page).toContain('(Acme \\(Tokyo\\))');
    expect(objects.get(5)).toBe(
      '<< /Title (STATEMENT 2026-11-23) /Producer (customer-graph books) >>',
    );
  });

  it('says so when nothing is outstanding', () => {
    const { pages } = parsePdf(
      renderStatementPdf({ ...statement, invoices: [], outstanding: 0, unusedCredits: 0 }),
    );
    expect(pages[0]).toContain(pdfString('No outstanding invoices'));
    expect(pages[0]).toContain(pdfString('¥0'));
  });

  it('continues 120 invoices on further pages, each with the table header and a footer', () => {
    const invoices = Array.from({ length: 120 }, (_, index) => invoice(index + 1));
    const { pages } = parsePdf(
      renderStatementPdf({ ...statement, invoices, outstanding: 1_320_000 }),
    );
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(pdfString('Balance due'));
      expect(page).toContain(
        pdfString(`STATEMENT 2026-11-23 - page ${index + 1} of ${pages.length}`),
      );
      if (index > 0) expect(page).toContain(pdfString('STATEMENT 2026-11-23 (continued)'));
    });
    const all = pages.join('\n');
    for (const each of invoices) expect(all).toContain(pdfString(each.number));
    expect(pages[pages.length - 1]).toContain(pdfString('¥1,320,000'));
    for (const [, y] of all.matchAll(/ ([\d.]+) Td /g)) {
      expect(Number(y)).toBeGreaterThanOrEqual(32);
      expect(Number(y)).toBeLessThan(842);
    }
  });

  it('shows amounts in a currency whose symbol the font lacks by its code', () => {
    const rupees = parsePdf(
      renderStatementPdf({
        ...statement,
        currency: 'INR',
        invoices: [{ ...invoice(1), currency: 'INR', total: 1234.5, balanceDue: 1234.5 }],
        outstanding: 1234.5,
      }),
    ).pages[0];
    expect(rupees).toContain(pdfString('INR 1,234.50'));
  });
});

describe('statementPdfFileName', () => {
  it('is dated', () => {
    expect(statementPdfFileName('2026-11-23')).toBe('Statement-2026-11-23.pdf');
  });
});
