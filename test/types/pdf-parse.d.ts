/*
 * pdf-parse's entry point runs its own self-test when it believes it is the main module, which
 * under jest it does; its library file is the same parser without that. It hands the data to
 * pdf.js as it is, and pdf.js reads a plain Uint8Array right but not always a Node Buffer, so the
 * data is typed as the former.
 */
declare module 'pdf-parse/lib/pdf-parse.js' {
  import type PdfParse from 'pdf-parse';

  export default function parse(
    data: Uint8Array,
    options?: PdfParse.Options,
  ): Promise<PdfParse.Result>;
}
