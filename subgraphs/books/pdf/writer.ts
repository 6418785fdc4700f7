import { type FontName, winAnsi } from './fonts';

/*
 * A minimal PDF 1.4 writer: a catalog, a page tree, the two standard fonts, an information
 * dictionary and one content stream per page, with a cross-reference table of byte offsets. The
 * content streams are left uncompressed: a transaction is a few kilobytes either way, and tests
 * (and people) can read what was drawn.
 */

/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;

/** The fonts every page has, objects 3 and 4, named F1 and F2 in its resources. */
const FONTS: readonly FontName[] = ['Helvetica', 'Helvetica-Bold'];

/** The name a content stream selects `font` by. */
export const fontResource = (font: FontName) => `F${FONTS.indexOf(font) + 1}`;

/**
 * A PDF literal string of `text` in WinAnsi: "(", ")" and "\" escaped, and everything outside
 * printable ASCII written as an octal escape, so a content stream is plain ASCII and its length in
 * bytes is its length in characters.
 */
export function pdfString(text: string): string {
  let out = '(';
  for (const code of winAnsi(text)) {
    if (code === 0x28 || code === 0x29 || code === 0x5c) out += `\\${String.fromCharCode(code)}`;
    else if (code >= 0x20 && code <= 0x7e) out += String.fromCharCode(code);
    else out += `\\${code.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/** Numbers as content streams want them: no exponent, at most two decimals. */
export function pdfNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export interface PdfInfo {
  title: string;
  producer: string;
}

/**
 * The file of `pages`, each the operators of its content stream (ASCII, see pdfString). Object
 * numbers: 1 catalog, 2 page tree, 3 and 4 the fonts, 5 the information dictionary, then each
 * page followed by its content stream.
 */
export function writePdf(pages: readonly string[], info: PdfInfo): Buffer {
  if (pages.length === 0) throw new Error('a PDF needs at least one page');
  const pageObject = (index: number) => 6 + 2 * index;
  const fonts = FONTS.map((font, index) => `/${fontResource(font)} ${3 + index} 0 R`).join(' ');
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObject(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...FONTS.map(
      (font) => `<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding /WinAnsiEncoding >>`,
    ),
    `<< /Title ${pdfString(info.title)} /Producer ${pdfString(info.producer)} >>`,
  ];
  pages.forEach((content, index) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << ${fonts} >> >> /Contents ${pageObject(index) + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  });

  // The second line's bytes above 127 tell transfer tools the file is binary (PDF 1.4, 7.5.2).
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    length += chunk.length;
  });
  // Each entry is exactly 20 bytes, the end of line included, as the format requires.
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
  chunks.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries.join('')}` +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\n` +
        `startxref\n${length}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}
