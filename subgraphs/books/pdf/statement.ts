import {
  BODY,
  drawCells,
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
import { writePdf } from './writer';

/*
 * BKS-7 receivables email: a books contact's statement of account as the PDF it is e-mailed as.
 * The organization, the contact and the statement's date at the top, the contact's outstanding
 * invoices (continued on further pages as long as needed, with the table's header repeated), and
 * the total outstanding and the unused credits in the contact's currency. Pure: the caller loads
 * the data.
 */

export interface PdfStatementInvoice {
  number: string;
  /** YYYY-MM-DD, as the Date scalar. */
  date: string;
  dueOn: string;
  /** As the schema's invoiceStatus has it, e.g. OVERDUE. */
  status: string;
  total: number;
  balanceDue: number;
  currency: string;
}

export interface PdfStatement {
  organizationName: string;
  contact: PdfParty;
  /** The day the statement is made. */
  date: string;
  /** The contact's, which the summary is in. */
  currency: string;
  /** The outstanding invoices, in the order they are listed. */
  invoices: readonly PdfStatementInvoice[];
  /** What the invoices' balances add up to. */
  outstanding: number;
  unusedCredits: number;
}

const TITLE = 'STATEMENT';

const TABLE: readonly TableColumn[] = [
  { label: 'Invoice', x: MARGIN, align: 'left' },
  { label: 'Date', x: MARGIN + 90, align: 'left' },
  { label: 'Due date', x: MARGIN + 170, align: 'left' },
  { label: 'Status', x: MARGIN + 250, align: 'left' },
  { label: 'Total', x: 450, align: 'right' },
  { label: 'Balance due', x: RIGHT, align: 'right' },
];

/** "Statement-2026-11-23.pdf": the e-mail attachment's name. */
export function statementPdfFileName(date: string): string {
  return `Statement-${date}.pdf`;
}

/** The statement as a PDF 1.4 file. */
export function renderStatementPdf(statement: PdfStatement): Buffer {
  const flow = new PageFlow();
  drawHeading(flow, {
    organizationName: statement.organizationName,
    partyLabel: 'Statement for',
    party: statement.contact,
    title: TITLE,
    facts: [
      ['Date', statement.date],
      ['Currency', statement.currency],
      ['Open invoices', String(statement.invoices.length)],
    ],
  });
  let inTable = true;
  flow.onNewPage = () => {
    drawContinuation(flow, statement.organizationName, `${TITLE} ${statement.date}`);
    if (inTable) drawTableHeader(flow, TABLE);
  };
  drawTableHeader(flow, TABLE);
  if (statement.invoices.length === 0) {
    flow.text(MARGIN, flow.y - BODY, 'No outstanding invoices', 'Helvetica', BODY);
    flow.y -= LEADING;
  }
  for (const invoice of statement.invoices) {
    flow.room(LEADING);
    drawCells(
      flow,
      flow.y - BODY,
      TABLE,
      [
        invoice.number,
        invoice.date,
        invoice.dueOn,
        statusLabel(invoice.status),
        money(invoice.total, invoice.currency),
        money(invoice.balanceDue, invoice.currency),
      ],
      'Helvetica',
    );
    flow.y -= LEADING;
  }
  inTable = false;
  drawSummary(flow, [
    ['Total outstanding', money(statement.outstanding, statement.currency), 'Helvetica-Bold'],
    ['Unused credits', money(statement.unusedCredits, statement.currency), 'Helvetica'],
  ]);
  const pages = flow.finish(
    (page, count) => `${TITLE} ${statement.date} - page ${page} of ${count}`,
  );
  return writePdf(pages, {
    title: `${TITLE} ${statement.date}`,
    producer: 'customer-graph books',
  });
}
