import type { TransactionKind } from '../domain/status';
import { wrapText } from './fonts';
import {
  BODY,
  drawContinuation,
  drawHeading,
  drawSummary,
  drawTableHeader,
  LEADING,
  MARGIN,
  money,
  PageFlow,
  type PdfParty,
  RIGHT,
  statusLabel,
  type TableColumn,
} from './layout';
import { PAGE_HEIGHT, writePdf } from './writer';

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
  contact: PdfParty;
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

const TABLE: readonly TableColumn[] = [
  { label: '#', x: COLUMNS.position, align: 'left' },
  { label: 'Description', x: COLUMNS.description, align: 'left' },
  { label: 'Qty', x: COLUMNS.quantity, align: 'right' },
  { label: 'Rate', x: COLUMNS.rate, align: 'right' },
  { label: 'Tax', x: COLUMNS.taxRate, align: 'right' },
  { label: 'Amount', x: COLUMNS.amount, align: 'right' },
];

const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** The organization, the title and the facts of the document, and whom it is for. */
function drawDocumentHeading(flow: PageFlow, document: PdfTransaction): void {
  drawHeading(flow, {
    organizationName: document.organizationName,
    partyLabel: 'Bill to',
    party: document.contact,
    title: TITLES[document.kind],
    facts: [
      ['Number', document.number],
      ['Date', document.date],
      ...(document.dueOn ? [[DUE_LABELS[document.kind], document.dueOn] as const] : []),
      ['Status', statusLabel(document.status)],
      ['Currency', document.currency],
    ],
  });
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
  const amount = (value: number) => money(value, document.currency);
  drawSummary(flow, [
    ['Subtotal', amount(document.subTotal), 'Helvetica'],
    ['Tax', amount(document.tax), 'Helvetica'],
    ['Total', amount(document.total), 'Helvetica-Bold'],
    ...(document.balanceDue === null
      ? []
      : [['Balance due', amount(document.balanceDue), 'Helvetica-Bold'] as const]),
  ]);
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
  drawDocumentHeading(flow, document);
  let inTable = true;
  flow.onNewPage = () => {
    drawContinuation(
      flow,
      document.organizationName,
      `${TITLES[document.kind]} ${document.number}`,
    );
    if (inTable) drawTableHeader(flow, TABLE);
  };
  drawTableHeader(flow, TABLE);
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
