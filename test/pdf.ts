import parse from 'pdf-parse/lib/pdf-parse.js';

export interface ReadPdf {
  pages: number;
  title: string | null;
  /** The text of every page as a reader extracts it, in drawing order. */
  text: string;
}

/**
 * Reads a PDF with pdf.js (through pdf-parse), a reader independent of the code that wrote it: a
 * file it cannot parse fails the test, and its text is what a person would see on the page. The
 * newest pdf.js pdf-parse ships: its default, 1.10.100, refuses files that every other build and
 * poppler read ("bad XRef entry").
 */
export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A copy as a plain Uint8Array: given the Buffer itself, pdf.js misreads some files.
  const result = await parse(new Uint8Array(bytes), { version: 'v2.0.550' });
  const info = result.info as { Title?: unknown } | undefined;
  return {
    pages: result.numpages,
    title: typeof info?.Title === 'string' ? info.Title : null,
    text: result.text,
  };
}
