import { formatMoney, minorDigits } from '../domain/money';
import type { TransactionKind } from '../domain/status';
import { canShow, type FontName, textWidth, wrapText } from './fonts';
import { fontResource, PAGE_HEIGHT, PAGE_WIDTH, pdfNumber, pdfString, writePdf } from './writer';

/*
 * BKS-10/BKS-11: an estimate, invoice or sales order as the PDF an agent downloads or e-mails. The
 * layout is fixed: the organization and the document's title, number, dates, status and currency
 * at the top, the contact billed, the line items (continued on further pages as long as needed,
 * with the table's header repeated), the totals and the notes. Pure: the caller loads the data.
 */

export interface PdfLineItem {
  description: string;
  quantity: number;
  rate: number;
  /** Percent, e.g. 10. */
  taxRate: number;
  amount: number;
}

export interface PdfTransaction {
  kind: TransactionKind;
  organizationName: string;
  number: string;
  /** YYYY-MM-DD, as the Date scalar. */
  date: string;
  /** The kind's own date: an estimate's expiry, an invoice's due date, a sales order's shipment. */
  dueOn: string | null;
  /** As the schema's `status` field has it, e.g. PARTIALLY_PAID. */
  status: string;
  contact: { name: string; companyName: string | null; email: string | null };
  lineItems: readonly PdfLineItem[];
  subTotal: number;
  tax: number;
  total: number;
  /** Invoices: what is still to be paid; null for the other kinds. */
  balanceDue: number | null;
  currency: string;
  notes: string | null;
}

const TITLES: Readonly<Record<TransactionKind, string>> = {
  ESTIMATE: 'ESTIMATE',
  INVOICE: 'INVOICE',
  SALES_ORDER: 'SALES ORDER',
};

const DUE_LABELS: Readonly<Record<TransactionKind, string>> = {
  ESTIMATE: 'Expires on',
  INVOICE: 'Due date',
  SALES_ORDER: 'Shipment date',
};

/** "INV-00012.pdf": the download's and the e-mail attachment's name. */
export function transactionPdfFileName(number: string): string {
  // Numbers are EST-/INV-/SO- and digits; anything else is kept out of a Content-Disposition.
  return `${number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
}

const MARGIN = 48;
const RIGHT = PAGE_WIDTH - MARGIN;
/** Nothing but the footer goes below this. */
const BOTTOM = 64;
const FOOTER_BASELINE = 32;
const BODY = 9;
/** Baseline to baseline of body text. */
const LEADING = 12;

/** The table's columns: where the description starts and where each figure ends (right-aligned). */
const COLUMNS = {
  position: MARGIN,
  description: MARGIN + 22,
  descriptionWidth: 190,
  quantity: 312,
  rate: 412,
  taxRate: 452,
  amount: RIGHT,
};

/** "$1,234.50", or "INR 1,234.50" where the currency's symbol is not in the PDF's font. */
function money(amount: number, currency: string): string {
  const formatted = formatMoney(amount, currency);
  if (canShow(formatted)) return formatted;
  const digits = minorDigits(currency);
  const figure = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
  return `${currency} ${figure}`;
}

const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** PARTIALLY_PAID → "Partially paid". */
function statusLabel(status: string): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The pages being drawn, top to bottom: `y` is where the next thing starts. */
class PageFlow {
  private readonly pages: string[][] = [];
  private operators: string[] = [];
  y = 0;

  /** Draws the top of every page after the first (`onNewPage` is set once the first is drawn). */
  onNewPage: () => void = () => undefined;

  constructor() {
    this.startPage();
  }

  private startPage(): void {
    // Thin grey rules for every line drawn on the page.
    this.operators = ['0.5 w 0.6 G'];
    this.pages.push(this.operators);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Moves to a new page unless `height` points fit above the bottom. */
  room(height: number): void {
    if (this.y - height >= BOTTOM) return;
    this.startPage();
    this.onNewPage();
  }

  text(x: number, baseline: number, text: string, font: FontName, size: number): void {
    this.operators.push(
      `BT /${fontResource(font)} ${size} Tf ${pdfNumber(x)} ${pdfNumber(baseline)} Td ${pdfString(text)} Tj ET`,
    );
  }

  textRight(right: number, baseline: number, text: string, font: FontName, size: number): void {
    this.text(right - textWidth(text, font, size), baseline, text, font, size);
  }

  rule(baseline: number): void {
    this.operators.push(
      `${pdfNumber(MARGIN)} ${pdfNumber(baseline)} m ${pdfNumber(RIGHT)} ${pdfNumber(baseline)} l S`,
    );
  }

  /** Each page's content stream, with its footer now that the number of pages is known. */
  finish(footer: (page: number, pages: number) => string): string[] {
    return this.pages.map((operators, index) => {
      const text = footer(index + 1, this.pages.length);
      const x = RIGHT - textWidth(text, 'Helvetica', 8);
      const line = `BT /${fontResource('Helvetica')} 8 Tf ${pdfNumber(x)} ${FOOTER_BASELINE} Td ${pdfString(text)} Tj ET`;
      return [...operators, line].join('\n');
    });
  }
}

/** The organization, the title and the facts of the document, and whom it is for. */
function drawHeading(flow: PageFlow, document: PdfTransaction): void {
  const top = flow.y;
  let left = top;
  for (const line of wrapText(document.organizationName, 'Helvetica-Bold', 16, 300)) {
    flow.text(MARGIN, left - 16, line, 'Helvetica-Bold', 16);
    left -= 20;
  }
  left -= 14;
  flow.text(MARGIN, left - 10, 'Bill to', 'Helvetica-Bold', 10);
  left -= 14;
  const { name, companyName, email } = document.contact;
  for (const detail of [name, companyName, email]) {
    if (!detail) continue;
    for (const line of wrapText(detail, 'Helvetica', 10, 300)) {
      flow.text(MARGIN, left - 10, line, 'Helvetica', 10);
      left -= 13;
    }
  }

  let right = top;
  flow.textRight(RIGHT, right - 20, TITLES[document.kind], 'Helvetica-Bold', 20);
  right -= 34;
  const facts: [string, string][] = [
    ['Number', document.number],
    ['Date', document.date],
    ...(document.dueOn ? [[DUE_LABELS[document.kind], document.dueOn] as [string, string]] : []),
    ['Status', statusLabel(document.status)],
    ['Currency', document.currency],
  ];
  for (const [label, value] of facts) {
    flow.text(380, right - 10, label, 'Helvetica-Bold', 10);
    flow.textRight(RIGHT, right - 10, value, 'Helvetica', 10);
    right -= 14;
  }
  flow.y = Math.min(left, right) - 20;
}

/** What tops each further page, so a page read alone still says whose document it is. */
function drawContinuation(flow: PageFlow, document: PdfTransaction): void {
  const [organization] = wrapText(document.organizationName, 'Helvetica-Bold', 10, 300);
  flow.text(MARGIN, flow.y - 10, organization, 'Helvetica-Bold', 10);
  flow.textRight(
    RIGHT,
    flow.y - 10,
    `${TITLES[document.kind]} ${document.number} (continued)`,
    'Helvetica-Bold',
    10,
  );
  flow.rule(flow.y - 16);
  flow.y -= 30;
}

function drawTableHeader(flow: PageFlow): void {
  const baseline = flow.y - BODY;
  flow.text(COLUMNS.position, baseline, '#', 'Helvetica-Bold', BODY);
  flow.text(COLUMNS.description, baseline, 'Description', 'Helvetica-Bold', BODY);
  flow.textRight(COLUMNS.quantity, baseline, 'Qty', 'Helvetica-Bold', BODY);
  flow.textRight(COLUMNS.rate, baseline, 'Rate', 'Helvetica-Bold', BODY);
  flow.textRight(COLUMNS.taxRate, baseline, 'Tax', 'Helvetica-Bold', BODY);
  flow.textRight(COLUMNS.amount, baseline, 'Amount', 'Helvetica-Bold', BODY);
  flow.rule(baseline - 5);
  flow.y -= LEADING + 6;
}

function drawLine(flow: PageFlow, item: PdfLineItem, position: number, currency: string): void {
  const description = wrapText(item.description, 'Helvetica', BODY, COLUMNS.descriptionWidth);
  // A line is kept on one page; only a description longer than half a page may run onto the next.
  flow.room(Math.min(description.length * LEADING, PAGE_HEIGHT / 2) + 4);
  const baseline = flow.y - BODY;
  flow.text(COLUMNS.position, baseline, String(position), 'Helvetica', BODY);
  const figures: [number, string][] = [
    [COLUMNS.quantity, decimals.format(item.quantity)],
    [COLUMNS.rate, money(item.rate, currency)],
    [COLUMNS.taxRate, `${decimals.format(item.taxRate)}%`],
    [COLUMNS.amount, money(item.amount, currency)],
  ];
  for (const [right, text] of figures) flow.textRight(right, baseline, text, 'Helvetica', BODY);
  for (const line of description) {
    flow.room(LEADING);
    flow.text(COLUMNS.description, flow.y - BODY, line, 'Helvetica', BODY);
    flow.y -= LEADING;
  }
  flow.y -= 4;
}

function drawTotals(flow: PageFlow, document: PdfTransaction): void {
  const rows: [string, number, FontName][] = [
    ['Subtotal', document.subTotal, 'Helvetica'],
    ['Tax', document.tax, 'Helvetica'],
    ['Total', document.total, 'Helvetica-Bold'],
    ...(document.balanceDue === null
      ? []
      : [['Balance due', document.balanceDue, 'Helvetica-Bold'] as [string, number, FontName]]),
  ];
  flow.room(rows.length * 15 + 10);
  flow.rule(flow.y - 2);
  flow.y -= 8;
  for (const [label, amount, font] of rows) {
    flow.text(380, flow.y - 10, label, font, 10);
    flow.textRight(RIGHT, flow.y - 10, money(amount, document.currency), font, 10);
    flow.y -= 15;
  }
}

function drawNotes(flow: PageFlow, notes: string): void {
  flow.y -= 12;
  flow.room(14 + LEADING);
  flow.text(MARGIN, flow.y - 10, 'Notes', 'Helvetica-Bold', 10);
  flow.y -= 14;
  for (const line of wrapText(notes, 'Helvetica', BODY, RIGHT - MARGIN)) {
    flow.room(LEADING);
    flow.text(MARGIN, flow.y - BODY, line, 'Helvetica', BODY);
    flow.y -= LEADING;
  }
}

/** The document as a PDF 1.4 file. */
export function renderTransactionPdf(document: PdfTransaction): Buffer {
  const flow = new PageFlow();
  drawHeading(flow, document);
  let inTable = true;
  flow.onNewPage = () => {
    drawContinuation(flow, document);
    if (inTable) drawTableHeader(flow);
  };
  drawTableHeader(flow);
  if (document.lineItems.length === 0) {
    flow.text(COLUMNS.description, flow.y - BODY, 'No line items', 'Helvetica', BODY);
    flow.y -= LEADING;
  }
  document.lineItems.forEach((item, index) => {
    drawLine(flow, item, index + 1, document.currency);
  });
  inTable = false;
  drawTotals(flow, document);
  if (document.notes !== null && document.notes.trim() !== '') drawNotes(flow, document.notes);
  const pages = flow.finish((page, count) => `${document.number} - page ${page} of ${count}`);
  return writePdf(pages, {
    title: `${TITLES[document.kind]} ${document.number}`,
    producer: 'customer-graph books',
  });
}
