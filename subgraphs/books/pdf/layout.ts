import { formatMoney, minorDigits } from '../../../shared/money';
import { canShow, type FontName, textWidth, wrapText } from './fonts';
import { fontResource, PAGE_HEIGHT, PAGE_WIDTH, pdfNumber, pdfString } from './writer';

/*
 * What books' PDFs share (a transaction, a statement of account): the page's margins and type
 * sizes, pages that flow on as long as needed with a footer on each, the heading with the
 * organization, the party the document is for, its title and its facts, tables whose header is
 * repeated on every page, and the summary of amounts at the end.
 */

export const MARGIN = 48;
export const RIGHT = PAGE_WIDTH - MARGIN;
/** Nothing but the footer goes below this. */
const BOTTOM = 64;
const FOOTER_BASELINE = 32;
export const BODY = 9;
/** Baseline to baseline of body text. */
export const LEADING = 12;
/** Where the labels of the heading's facts and of the summary start. */
const LABELS = 380;

/** "$1,234.50", or "INR 1,234.50" where the currency's symbol is not in the PDF's font. */
export function money(amount: number, currency: string): string {
  const formatted = formatMoney(amount, currency);
  if (canShow(formatted)) return formatted;
  const digits = minorDigits(currency);
  const figure = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
  return `${currency} ${figure}`;
}

/** PARTIALLY_PAID → "Partially paid". */
export function statusLabel(status: string): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The pages being drawn, top to bottom: `y` is where the next thing starts. */
export class PageFlow {
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

/** Whom a document is for, as its heading shows them. */
export interface PdfParty {
  name: string;
  companyName: string | null;
  email: string | null;
}

export interface PdfHeading {
  organizationName: string;
  /** "Bill to", "Statement for". */
  partyLabel: string;
  party: PdfParty;
  /** INVOICE, STATEMENT OF ACCOUNT. */
  title: string;
  /** Label and value, listed under the title. */
  facts: readonly (readonly [string, string])[];
}

/** The organization and the party on the left, the title and the facts on the right. */
export function drawHeading(flow: PageFlow, heading: PdfHeading): void {
  const top = flow.y;
  let left = top;
  for (const line of wrapText(heading.organizationName, 'Helvetica-Bold', 16, 300)) {
    flow.text(MARGIN, left - 16, line, 'Helvetica-Bold', 16);
    left -= 20;
  }
  left -= 14;
  flow.text(MARGIN, left - 10, heading.partyLabel, 'Helvetica-Bold', 10);
  left -= 14;
  const { name, companyName, email } = heading.party;
  for (const detail of [name, companyName, email]) {
    if (!detail) continue;
    for (const line of wrapText(detail, 'Helvetica', 10, 300)) {
      flow.text(MARGIN, left - 10, line, 'Helvetica', 10);
      left -= 13;
    }
  }

  let right = top;
  flow.textRight(RIGHT, right - 20, heading.title, 'Helvetica-Bold', 20);
  right -= 34;
  for (const [label, value] of heading.facts) {
    flow.text(LABELS, right - 10, label, 'Helvetica-Bold', 10);
    flow.textRight(RIGHT, right - 10, value, 'Helvetica', 10);
    right -= 14;
  }
  flow.y = Math.min(left, right) - 20;
}

/**
 * What tops each further page, so a page read alone still says whose document it is: the
 * organization, and `label` (e.g. "INVOICE INV-00012") marked as continued.
 */
export function drawContinuation(flow: PageFlow, organizationName: string, label: string): void {
  const [organization] = wrapText(organizationName, 'Helvetica-Bold', 10, 300);
  flow.text(MARGIN, flow.y - 10, organization, 'Helvetica-Bold', 10);
  flow.textRight(RIGHT, flow.y - 10, `${label} (continued)`, 'Helvetica-Bold', 10);
  flow.rule(flow.y - 16);
  flow.y -= 30;
}

/** A table's column: text starts at `x`, or ends there when it is right-aligned (figures). */
export interface TableColumn {
  label: string;
  x: number;
  align: 'left' | 'right';
}

/** One text per column on `baseline`, each aligned as its column is. */
export function drawCells(
  flow: PageFlow,
  baseline: number,
  columns: readonly TableColumn[],
  cells: readonly string[],
  font: FontName,
): void {
  columns.forEach((column, index) => {
    const cell = cells[index];
    if (column.align === 'right') flow.textRight(column.x, baseline, cell, font, BODY);
    else flow.text(column.x, baseline, cell, font, BODY);
  });
}

/** The columns' labels over a rule. */
export function drawTableHeader(flow: PageFlow, columns: readonly TableColumn[]): void {
  const baseline = flow.y - BODY;
  drawCells(
    flow,
    baseline,
    columns,
    columns.map((column) => column.label),
    'Helvetica-Bold',
  );
  flow.rule(baseline - 5);
  flow.y -= LEADING + 6;
}

/** A line of the summary at a document's end: a label and its amount, already formatted. */
export type SummaryRow = readonly [label: string, amount: string, font: FontName];

/** The summary under a rule, kept together on one page. */
export function drawSummary(flow: PageFlow, rows: readonly SummaryRow[]): void {
  flow.room(rows.length * 15 + 10);
  flow.rule(flow.y - 2);
  flow.y -= 8;
  for (const [label, amount, font] of rows) {
    flow.text(LABELS, flow.y - 10, label, font, 10);
    flow.textRight(RIGHT, flow.y - 10, amount, font, 10);
    flow.y -= 15;
  }
}
