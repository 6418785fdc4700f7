/*
 * No PDF parser is among the dependencies, so books' PDFs are checked structurally: the header and
 * trailer, every cross-reference offset, stream lengths, the page tree, and the text drawn (the
 * content streams are not compressed).
 */

export interface ParsedPdf {
  text: string;
  objects: Map<number, string>;
  pages: string[];
}

/** Checks the file's structure and returns its objects by number and its pages' content. */
export function parsePdf(pdf: Buffer): ParsedPdf {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  expect(Number(first)).toBe(0);
  const table = text
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  expect(table[0]).toBe('0000000000 65535 f ');
  const objects = new Map<number, string>();
  table.slice(1).forEach((entry, index) => {
    // Each entry is 20 bytes with its end of line; offsets point at "n 0 obj".
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    const header = `${index + 1} 0 obj\n`;
    expect(text.slice(offset, offset + header.length)).toBe(header);
    const end = text.indexOf('\nendobj\n', offset);
    objects.set(index + 1, text.slice(offset + header.length, end));
  });
  expect(text).toContain(`trailer\n<< /Size ${count} /Root 1 0 R /Info 5 0 R >>`);
  expect(objects.get(1)).toBe('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = [...(objects.get(2) ?? '').matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));
  expect(objects.get(2)).toContain(`/Count ${kids.length}`);
  const pages = kids.map((kid) => {
    const page = objects.get(kid) ?? '';
    expect(page).toContain('/Type /Page ');
    expect(page).toContain('/F1 3 0 R /F2 4 0 R');
    const contents = Number(/\/Contents (\d+) 0 R/.exec(page)?.[1]);
    const stream = objects.get(contents) ?? '';
    const length = Number(/^<< \/Length (\d+) >>\nstream\n/.exec(stream)?.[1]);
    const body = stream.slice(stream.indexOf('stream\n') + 'stream\n'.length);
    expect(body.endsWith('\nendstream')).toBe(true);
    expect(body.length - '\nendstream'.length).toBe(length);
    return body.slice(0, length);
  });
  expect(objects.get(3)).toContain('/BaseFont /Helvetica /Encoding /WinAnsiEncoding');
  expect(objects.get(4)).toContain('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
  return { text, objects, pages };
}
