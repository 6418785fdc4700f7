/**
 * ASC-5: parsing and validation of the file an administrator uploads to associate contacts with
 * accounts in bulk. This module only turns the file into rows, each either well-formed or carrying
 * its own error; looking up contacts and accounts and applying the rows is done elsewhere.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface AssociationFileRow {
  /** Row number in the file, header = row 1, so the first data row is 2. */
  row: number;
  /** Trimmed and lowercased; null when the cell is empty. */
  contactEmail: string | null;
  /** Trimmed; null when the cell is empty. */
  accountName: string | null;
  /** Optional column, default false. */
  primary: boolean;
  /** Optional column; null when the column or cell is empty, so an existing link keeps its setting. */
  accountTicketsViewable: boolean | null;
  /** Set when the row itself is malformed (missing e-mail, invalid e-mail syntax, missing account name, unreadable yes/no value). */
  error: string | null;
}

/** The file as a whole is unusable; its message is written for the administrator who uploaded it. */
export class AssociationFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssociationFileError';
  }
}

/** Files beyond this are refused by the one-transaction import; the sync run (ASC-6) takes any size. */
export const MAX_ASSOCIATION_ROWS = 10_000;

const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx'] as const;
type FileFormat = 'csv' | 'xlsx';

type Field = 'contactEmail' | 'accountName' | 'primary' | 'accountTicketsViewable';

interface ColumnSpec {
  field: Field;
  /** The name used in messages. */
  label: string;
  required: boolean;
  /** Normalised header names (see normaliseHeader) that map to this column. */
  aliases: readonly string[];
}

const COLUMNS: readonly ColumnSpec[] = [
  {
    field: 'contactEmail',
    label: 'Contact Email',
    required: true,
    aliases: ['contactemail', 'email'],
  },
  {
    field: 'accountName',
    label: 'Account Name',
    required: true,
    aliases: ['accountname', 'account'],
  },
  { field: 'primary', label: 'Primary', required: false, aliases: ['primary'] },
  {
    field: 'accountTicketsViewable',
    label: 'Account Tickets Viewable',
    required: false,
    aliases: ['accountticketsviewable'],
  },
];

const TRUE_VALUES: ReadonlySet<string> = new Set(['yes', 'y', 'true', '1']);
const FALSE_VALUES: ReadonlySet<string> = new Set(['no', 'n', 'false', '0']);

/** Deliberately simple: one @, no whitespace, a dotted domain with non-empty labels. */
const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:".]+(?:\.[^\s@<>(),;:".]+)+$/;
/** RFC 5321's limit on a forward path. */
const MAX_EMAIL_LENGTH = 254;

/** One line of the sheet as plain strings, with the row number it has in the file. */
interface RawRow {
  row: number;
  cells: string[];
}

/**
 * Parses an uploaded CSV or XLSX file (by extension) into rows. Throws AssociationFileError when the
 * file as a whole is unusable; problems confined to one row are reported on that row instead.
 */
export async function parseAssociationFile(
  fileName: string,
  contentBase64: string,
  maxRows = MAX_ASSOCIATION_ROWS,
): Promise<AssociationFileRow[]> {
  const format = formatOf(fileName);
  const content = decodeBase64(contentBase64);
  const rawRows = format === 'csv' ? readCsv(content) : await readXlsx(content, maxRows);
  return toAssociationRows(rawRows, maxRows);
}

function formatOf(fileName: string): FileFormat {
  const base = fileName.trim().split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot).toLowerCase() : '';
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  const found = extension === '' ? 'no extension' : `extension "${extension}"`;
  throw new AssociationFileError(
    `"${truncate(base)}" has ${found}; accepted file types are ${ACCEPTED_EXTENSIONS.join(' and ')}`,
  );
}

function decodeBase64(contentBase64: string): Buffer {
  const compact = contentBase64.replace(/\s+/g, '');
  if (compact === '') throw new AssociationFileError('The file is empty');
  // Buffer.from silently skips characters outside the alphabet, so check the text first. Both the
  // standard and the URL-safe alphabet are accepted, padding is optional.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw new AssociationFileError('The file content is not valid base64');
  }
  const content = Buffer.from(compact, 'base64');
  if (content.length === 0) throw new AssociationFileError('The file is empty');
  return content;
}

// ---------------------------------------------------------------------------------------------
// CSV

function readCsv(content: Buffer): RawRow[] {
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new AssociationFileError(
      'The file is named .csv but is a ZIP archive (perhaps an Excel workbook); upload it as .xlsx or save it as CSV',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new AssociationFileError(
      'The CSV file is not UTF-8 encoded; save it as "CSV UTF-8" and upload it again',
    );
  }
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: ',',
      // Keep blank lines as records so that row numbers match the file; they are skipped later.
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true,
    });
  } catch (error) {
    throw new AssociationFileError(`The CSV file could not be read: ${reasonOf(error)}`);
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}

// ---------------------------------------------------------------------------------------------
// XLSX

async function readXlsx(content: Buffer, maxRows: number): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); at runtime it hands the data to JSZip,
    // which takes an ArrayBuffer, so pass exactly the bytes of the upload.
    const bytes = content.buffer.slice(
      content.byteOffset,
      content.byteOffset + content.byteLength,
    ) as ArrayBuffer;
    await workbook.xlsx.load(bytes);
  } catch (error) {
    throw new AssociationFileError(`The XLSX file could not be read: ${reasonOf(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new AssociationFileError('The XLSX file has no worksheet');

  const rows: RawRow[] = [];
  let nonBlank = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell.value);
    });
    // Fill the holes left by empty cells.
    const dense = Array.from(cells, (cell) => cell ?? '');
    if (rowNumber > 1 && !isBlank(dense)) nonBlank += 1;
    // Stop collecting (the count is checked again later) rather than holding a huge sheet.
    if (nonBlank <= maxRows + 1) rows.push({ row: rowNumber, cells: dense });
  });
  if (nonBlank > maxRows) throw tooManyRows(nonBlank, maxRows);
  return rows;
}

/** A cell's value as the plain text the administrator sees. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return richText(value.richText);
  if ('hyperlink' in value) {
    // The displayed text is usually the address; it can itself be rich text. Fall back to the link.
    const text = hyperlinkText(value.text);
    if (text.trim() !== '') return text;
    return typeof value.hyperlink === 'string' ? value.hyperlink.replace(/^mailto:/i, '') : '';
  }
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  return '';
}

function richText(parts: readonly ExcelJS.RichText[]): string {
  return parts.map((part) => part.text ?? '').join('');
}

/** exceljs types a hyperlink's text as a string, but a styled link's text is rich text. */
function hyperlinkText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'object' && text !== null && 'richText' in text) {
    const parts: unknown = text.richText;
    if (Array.isArray(parts)) {
      return parts
        .map((part: unknown) =>
          typeof part === 'object' &&
          part !== null &&
          'text' in part &&
          typeof part.text === 'string'
            ? part.text
            : '',
        )
        .join('');
    }
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Header and rows

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
}

type ColumnIndexes = Partial<Record<Field, number>>;

function readHeader(header: RawRow | undefined): ColumnIndexes {
  if (header === undefined || header.row !== 1 || isBlank(header.cells)) {
    throw new AssociationFileError(
      `The header row (row 1) is missing; it must name the columns ${requiredLabels()}`,
    );
  }
  const indexes: ColumnIndexes = {};
  header.cells.forEach((name, index) => {
    const normalised = normaliseHeader(name);
    const column = COLUMNS.find((spec) => spec.aliases.includes(normalised));
    if (column === undefined) return; // unknown extra columns are ignored
    const previous = indexes[column.field];
    if (previous !== undefined) {
      throw new AssociationFileError(
        `The header has two ${column.label} columns ("${truncate(header.cells[previous].trim())}" and "${truncate(name.trim())}"); keep only one`,
      );
    }
    indexes[column.field] = index;
  });

  const missing = COLUMNS.filter((spec) => spec.required && indexes[spec.field] === undefined);
  if (missing.length > 0) {
    const found = header.cells.map((name) => name.trim()).filter((name) => name !== '');
    const columns = missing.map((spec) => `"${spec.label}"`).join(' and ');
    let message =
      `The header row is missing the required column${missing.length > 1 ? 's' : ''} ${columns}; ` +
      `found ${found.map((name) => `"${truncate(name)}"`).join(', ')}`;
    if (found.length === 1 && /[;\t]/.test(found[0])) {
      message += '. The columns must be separated by commas';
    }
    throw new AssociationFileError(message);
  }
  return indexes;
}

function toAssociationRows(rawRows: RawRow[], maxRows: number): AssociationFileRow[] {
  const columns = readHeader(rawRows[0]);
  const dataRows = rawRows.slice(1).filter((raw) => !isBlank(raw.cells));
  if (dataRows.length > maxRows) throw tooManyRows(dataRows.length, maxRows);
  if (dataRows.length === 0) throw new AssociationFileError('The file has no data rows');

  return dataRows.map((raw) => {
    const cell = (field: Field): string => {
      const index = columns[field];
      return index === undefined ? '' : (raw.cells[index] ?? '').trim();
    };
    const errors: string[] = [];

    const email = cell('contactEmail').toLowerCase();
    if (email === '') {
      errors.push('Contact Email is empty');
    } else if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
      errors.push(
        `Contact Email "${truncate(cell('contactEmail'))}" is not a valid e-mail address`,
      );
    }

    const accountName = cell('accountName');
    if (accountName === '') errors.push('Account Name is empty');

    const flag = (field: 'primary' | 'accountTicketsViewable'): boolean | null => {
      const raw = cell(field);
      const value = raw.toLowerCase();
      if (value === '') return null;
      if (TRUE_VALUES.has(value)) return true;
      if (FALSE_VALUES.has(value)) return false;
      const label = COLUMNS.find((spec) => spec.field === field)?.label ?? field;
      errors.push(`${label} must be yes or no, got "${truncate(raw)}"`);
      return false;
    };
    const primary = flag('primary') ?? false;
    const accountTicketsViewable = flag('accountTicketsViewable');

    return {
      row: raw.row,
      contactEmail: email === '' ? null : email,
      accountName: accountName === '' ? null : accountName,
      primary,
      accountTicketsViewable,
      error: errors.length > 0 ? errors.join('; ') : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function tooManyRows(count: number, maxRows: number): AssociationFileError {
  return new AssociationFileError(
    `The file has ${count} data rows; at most ${maxRows} can be imported at once, split it into smaller files or start it as a sync run (startAssociationImport)`,
  );
}

function requiredLabels(): string {
  return COLUMNS.filter((spec) => spec.required)
    .map((spec) => `"${spec.label}"`)
    .join(' and ');
}

/** Keeps user-supplied text in messages short. */
function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The parser's own reason, on one line and briefly. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0].trim();
  return truncate(firstLine === '' ? 'unknown error' : firstLine, 200);
}
