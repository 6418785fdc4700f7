import ExcelJS from 'exceljs';
import {
  AssociationFileError,
  AssociationFileRow,
  MAX_ASSOCIATION_ROWS,
  parseAssociationFile,
} from './associationFile';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const parseCsv = (text: string, fileName = 'contacts.csv'): Promise<AssociationFileRow[]> =>
  parseAssociationFile(fileName, base64(text));

async function expectFileError(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AssociationFileError);
  expect((error as AssociationFileError).message).toMatch(message);
}

function row(partial: Partial<AssociationFileRow> & { row: number }): AssociationFileRow {
  return {
    contactEmail: null,
    accountName: null,
    primary: false,
    accountTicketsViewable: null,
    error: null,
    ...partial,
  };
}

async function xlsxBase64(build: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Associations'));
  workbook.addWorksheet('Ignored').addRow(['nothing', 'here']);
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written).toString('base64');
}

describe('parseAssociationFile', () => {
  describe('CSV', () => {
    it('parses a file with a BOM, quoted fields and the optional columns', async () => {
      const csv =
        '\uFEFFContact Email,Account Name,Primary,Account Tickets Viewable\r\n' +
        '  Ada@Example.COM ,"Acme, Inc.",yes,No\r\n' +
        'bob@example.com,"The ""Best"" Shop",FALSE,true\r\n' +
        'carol@example.com,"Multi\nLine Ltd",Y,1\r\n' +
        'dave@example.com,Plain,,\r\n';
      await expect(parseCsv(csv)).resolves.toEqual([
        row({
          row: 2,
          contactEmail: 'ada@example.com',
          accountName: 'Acme, Inc.',
          primary: true,
          accountTicketsViewable: false,
        }),
        row({
          row: 3,
          contactEmail: 'bob@example.com',
          accountName: 'The "Best" Shop',
          accountTicketsViewable: true,
        }),
        row({
          row: 4,
          contactEmail: 'carol@example.com',
          accountName: 'Multi\nLine Ltd',
          primary: true,
          accountTicketsViewable: true,
        }),
        row({ row: 5, contactEmail: 'dave@example.com', accountName: 'Plain' }),
      ]);
    });

    it('accepts header aliases in any case, with spaces, underscores or hyphens, and ignores unknown columns', async () => {
      const csv =
        'Notes, EMAIL ,account,account_tickets-viewable,PRIMARY\n' +
        'hello,ada@example.com,Acme,n,1\n';
      await expect(parseCsv(csv, 'UPLOAD.CSV')).resolves.toEqual([
        row({
          row: 2,
          contactEmail: 'ada@example.com',
          accountName: 'Acme',
          primary: true,
          accountTicketsViewable: false,
        }),
      ]);
    });

    it('leaves Primary false and the viewable setting unset when those columns are absent', async () => {
      await expect(parseCsv('contact_email,account_name\nada@example.com,Acme\n')).resolves.toEqual(
        [row({ row: 2, contactEmail: 'ada@example.com', accountName: 'Acme' })],
      );
    });

    it('refuses a header without the required columns, naming them and the header found', async () => {
      await expectFileError(
        parseCsv('Email,Company\nada@example.com,Acme\n'),
        /missing the required column "Account Name"; found "Email", "Company"/,
      );
      await expectFileError(
        parseCsv('Name,Company\nAda,Acme\n'),
        /missing the required columns "Contact Email" and "Account Name"; found "Name", "Company"/,
      );
    });

    it('hints at the separator when the header is semicolon-separated', async () => {
      await expectFileError(
        parseCsv('Contact Email;Account Name\nada@example.com;Acme\n'),
        /separated by commas/,
      );
    });

    it('refuses a header naming the same column twice', async () => {
      await expectFileError(
        parseCsv('Email,Contact Email,Account\na@example.com,b@example.com,Acme\n'),
        /two Contact Email columns/,
      );
    });

    it('refuses a file whose first line is not the header', async () => {
      await expectFileError(
        parseCsv('\nContact Email,Account Name\nada@example.com,Acme\n'),
        /header row \(row 1\) is missing/,
      );
    });

    it('reports row errors with file row numbers, skipping blank rows without renumbering', async () => {
      const csv = [
        'Contact Email,Account Name,Primary,Account Tickets Viewable',
        'ada@example.com,Acme,yes,no', // row 2
        '', // row 3: blank line
        ' , ,,', // row 4: only blank cells
        'not-an-email,Acme,no,no', // row 5
        'bob@example.com,   ,no,no', // row 6
        'carol@example.com,Acme,maybe,no', // row 7
        ',Acme,no,sometimes', // row 8
        'dave@example.com,Acme', // row 9: short row, optional cells default
        '',
      ].join('\n');
      const rows = await parseCsv(csv);
      expect(rows.map((r) => [r.row, r.error])).toEqual([
        [2, null],
        [5, 'Contact Email "not-an-email" is not a valid e-mail address'],
        [6, 'Account Name is empty'],
        [7, 'Primary must be yes or no, got "maybe"'],
        [8, 'Contact Email is empty; Account Tickets Viewable must be yes or no, got "sometimes"'],
        [9, null],
      ]);
      expect(rows[1]).toEqual(
        row({
          row: 5,
          contactEmail: 'not-an-email',
          accountName: 'Acme',
          accountTicketsViewable: false,
          error: 'Contact Email "not-an-email" is not a valid e-mail address',
        }),
      );
      expect(rows[2].accountName).toBeNull();
      expect(rows[4].contactEmail).toBeNull();
      expect(rows[5]).toEqual(
        row({ row: 9, contactEmail: 'dave@example.com', accountName: 'Acme' }),
      );
    });

    it.each([
      'a@b',
      'a b@example.com',
      'a@@example.com',
      'a@example..com',
      '@example.com',
      'a@.com',
    ])('rejects the e-mail address %p', async (email) => {
      const [parsed] = await parseCsv(`Email,Account\n"${email}",Acme\n`);
      expect(parsed.error).toBe(`Contact Email "${email}" is not a valid e-mail address`);
    });

    it('refuses malformed CSV with the parser reason', async () => {
      await expectFileError(
        parseCsv('Contact Email,Account Name\n"ada@example.com,Acme\n'),
        /CSV file could not be read: Quote Not Closed/,
      );
    });

    it('refuses a CSV that is not UTF-8', async () => {
      const latin1 = Buffer.from('Contact Email,Account Name\nada@example.com,Caf\xe9\n', 'latin1');
      await expectFileError(
        parseAssociationFile('contacts.csv', latin1.toString('base64')),
        /not UTF-8 encoded/,
      );
    });

    it('refuses a header-only file', async () => {
      await expectFileError(parseCsv('Contact Email,Account Name\n\n  \n'), /no data rows/);
    });

    it('accepts exactly the row limit and refuses one more', async () => {
      const lines = (count: number): string =>
        ['Contact Email,Account Name']
          .concat(Array.from({ length: count }, (_, i) => `user${i}@example.com,Account ${i}`))
          .join('\n');
      await expect(parseCsv(lines(MAX_ASSOCIATION_ROWS))).resolves.toHaveLength(
        MAX_ASSOCIATION_ROWS,
      );
      await expectFileError(
        parseCsv(lines(MAX_ASSOCIATION_ROWS + 1)),
        new RegExp(`${MAX_ASSOCIATION_ROWS + 1} data rows; at most ${MAX_ASSOCIATION_ROWS}`),
      );
    });
  });

  describe('XLSX', () => {
    it('reads the first worksheet, turning hyperlinks, rich text, numbers and booleans into text', async () => {
      const content = await xlsxBase64((sheet) => {
        sheet.addRow(['Contact Email', 'Account Name', 'Primary', 'Account Tickets Viewable']);
        sheet.addRow([
          { text: 'Ada@Example.com', hyperlink: 'mailto:Ada@Example.com' },
          { richText: [{ text: 'Acme ', font: { bold: true } }, { text: 'Corp' }] },
          true,
          0,
        ]);
        sheet.addRow([]); // row 3: blank
        sheet.addRow(['bob@example.com', 42, 'No', 1]); // row 4
        sheet.addRow(['carol@example.com', 'Acme Corp', 'perhaps', false]); // row 5
      });
      await expect(parseAssociationFile('Associations.XLSX', content)).resolves.toEqual([
        row({
          row: 2,
          contactEmail: 'ada@example.com',
          accountName: 'Acme Corp',
          primary: true,
          accountTicketsViewable: false,
        }),
        row({
          row: 4,
          contactEmail: 'bob@example.com',
          accountName: '42',
          accountTicketsViewable: true,
        }),
        row({
          row: 5,
          contactEmail: 'carol@example.com',
          accountName: 'Acme Corp',
          accountTicketsViewable: false,
          error: 'Primary must be yes or no, got "perhaps"',
        }),
      ]);
    });

    it('reads styled (rich text) hyperlinks and formula results', async () => {
      // exceljs types a hyperlink's text as a string, but a styled link comes back as rich text.
      const styledLink = {
        text: { richText: [{ text: 'Eve@', font: { bold: true } }, { text: 'Example.com' }] },
        hyperlink: 'mailto:eve@example.com',
      } as unknown as ExcelJS.CellHyperlinkValue;
      const content = await xlsxBase64((sheet) => {
        sheet.addRow(['Email', 'Account']);
        sheet.addRow([styledLink, { formula: 'UPPER("acme")', result: 'ACME' }]);
      });
      await expect(parseAssociationFile('a.xlsx', content)).resolves.toEqual([
        row({ row: 2, contactEmail: 'eve@example.com', accountName: 'ACME' }),
      ]);
    });

    it('refuses a worksheet without the required columns', async () => {
      const content = await xlsxBase64((sheet) => {
        sheet.addRow(['Email', 'Primary']);
        sheet.addRow(['ada@example.com', 'yes']);
      });
      await expectFileError(
        parseAssociationFile('a.xlsx', content),
        /missing the required column "Account Name"; found "Email", "Primary"/,
      );
    });

    it('refuses a corrupt workbook with the reason', async () => {
      await expectFileError(
        parseAssociationFile('a.xlsx', base64('this is not a zip archive at all')),
        /^The XLSX file could not be read: .+/,
      );
      const valid = Buffer.from(
        await xlsxBase64((sheet) => sheet.addRow(['Email', 'Account'])),
        'base64',
      );
      await expectFileError(
        parseAssociationFile('a.xlsx', valid.subarray(0, valid.length / 2).toString('base64')),
        /^The XLSX file could not be read: .+/,
      );
    });

    it('refuses a worksheet over the row limit', async () => {
      const content = await xlsxBase64((sheet) => {
        sheet.addRow(['Email', 'Account']);
        for (let i = 0; i <= MAX_ASSOCIATION_ROWS; i += 1) {
          sheet.addRow([`user${i}@example.com`, `Account ${i}`]);
        }
      });
      await expectFileError(
        parseAssociationFile('a.xlsx', content),
        new RegExp(`${MAX_ASSOCIATION_ROWS + 1} data rows; at most ${MAX_ASSOCIATION_ROWS}`),
      );
    });

    it('refuses a workbook without data rows', async () => {
      const content = await xlsxBase64((sheet) => {
        sheet.addRow(['Email', 'Account']);
      });
      await expectFileError(parseAssociationFile('a.xlsx', content), /no data rows/);
    });
  });

  describe('the file as a whole', () => {
    it('refuses unsupported extensions, naming the accepted ones', async () => {
      await expectFileError(
        parseAssociationFile('contacts.xls', base64('x')),
        /extension "\.xls"; accepted file types are \.csv and \.xlsx/,
      );
      await expectFileError(
        parseAssociationFile('contacts', base64('x')),
        /no extension; accepted file types are \.csv and \.xlsx/,
      );
    });

    it('refuses empty content', async () => {
      await expectFileError(parseAssociationFile('a.csv', ''), /file is empty/);
      await expectFileError(parseAssociationFile('a.csv', '  \n'), /file is empty/);
      await expectFileError(parseAssociationFile('a.csv', '===='), /not valid base64|empty/);
    });

    it('refuses content that is not base64', async () => {
      await expectFileError(parseAssociationFile('a.csv', 'not base64!'), /not valid base64/);
      await expectFileError(parseAssociationFile('a.csv', 'QUJDR'), /not valid base64/);
    });

    it('accepts base64 wrapped over several lines', async () => {
      const wrapped = base64('Email,Account\nada@example.com,Acme\n').replace(/(.{8})/g, '$1\n');
      await expect(parseAssociationFile('a.csv', wrapped)).resolves.toHaveLength(1);
    });

    it('refuses an empty CSV that decodes to whitespace only', async () => {
      await expectFileError(parseCsv('\n\n'), /header row \(row 1\) is missing/);
    });
  });
});
