/*
 * Text for the PDF's standard Type1 fonts, Helvetica and Helvetica-Bold, in WinAnsiEncoding. Every
 * PDF reader has these fonts, so nothing is embedded; the price is that only WinAnsi's 217
 * characters can be shown. Others are transliterated where that keeps the meaning (full-width
 * Latin letters and digits become ASCII, accented letters outside Latin-1 lose their accent, "…"
 * becomes "...") and become "?" otherwise: Japanese, Chinese, Cyrillic or Greek names come out as
 * question marks, one per character. Showing them would need an embedded CID font, which is
 * megabytes and a font file this repository does not have.
 */

export type FontName = 'Helvetica' | 'Helvetica-Bold';

/** WinAnsi codes 0x80–0x9F, which are not Latin-1's; 0xA0–0xFF are, and 0x20–0x7E are ASCII. */
const WIN_ANSI_HIGH: Readonly<Record<number, number>> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** Letters that have no accent to strip yet read fine as an ASCII letter. */
const LATIN_FALLBACKS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŀ: 'l',
  Ŀ: 'L',
};

export const UNSHOWABLE = 0x3f; // "?"

function winAnsiCode(char: string): number | undefined {
  const point = char.codePointAt(0) ?? 0;
  if (point >= 0x20 && point <= 0x7e) return point;
  if (point >= 0xa0 && point <= 0xff) return point;
  return WIN_ANSI_HIGH[point];
}

function codesOf(text: string): number[] | undefined {
  const codes: number[] = [];
  for (const char of text) {
    const code = winAnsiCode(char);
    if (code === undefined) return undefined;
    codes.push(code);
  }
  return codes;
}

/** Whether every character of `text` is in WinAnsi as it is, with nothing transliterated. */
export function canShow(text: string): boolean {
  return codesOf(text) !== undefined;
}

/**
 * The WinAnsi codes showing `text`, one or more per character. Line breaks and tabs become spaces:
 * a text operator shows one line, and callers split lines before.
 */
export function winAnsi(text: string): number[] {
  const codes: number[] = [];
  for (const char of text) {
    if (/\s/.test(char)) {
      codes.push(0x20);
      continue;
    }
    const direct = winAnsiCode(char);
    if (direct !== undefined) {
      codes.push(direct);
      continue;
    }
    // Compatibility forms first (full-width "Ａ１" → "A1", "…" → "..."), then the letter without
    // its accents ("ő" → "o"); NFKC is tried only here, as it would turn Latin-1's "µ" or "½"
    // into characters WinAnsi lacks.
    const transliterated =
      codesOf(char.normalize('NFKC')) ??
      codesOf(char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) ??
      codesOf(LATIN_FALLBACKS[char] ?? '');
    codes.push(...(transliterated && transliterated.length > 0 ? transliterated : [UNSHOWABLE]));
  }
  return codes;
}

/* Advance widths in thousandths of the font size, from Adobe's AFM files, for codes 0x20–0x7E. */
// prettier-ignore
const HELVETICA_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
// prettier-ignore
const HELVETICA_BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/**
 * Helvetica's widths of the WinAnsi codes above 0x7E that are not accented letters (those take
 * their base letter's width, as in the font). Bold uses them too: they differ by a few
 * thousandths, which only moves right-aligned text by a fraction of a point.
 */
const HIGH_WIDTHS: Readonly<Record<number, number>> = {
  0x80: 556,
  0x82: 222,
  0x84: 333,
  0x85: 1000,
  0x89: 1000,
  0x8b: 333,
  0x8c: 1000,
  0x91: 222,
  0x92: 222,
  0x93: 333,
  0x94: 333,
  0x95: 350,
  0x97: 1000,
  0x99: 1000,
  0x9b: 333,
  0x9c: 944,
  0xa0: 278,
  0xa1: 333,
  0xa6: 260,
  0xa9: 737,
  0xaa: 370,
  0xac: 584,
  0xad: 333,
  0xae: 737,
  0xb0: 400,
  0xb1: 584,
  0xb5: 556,
  0xb6: 537,
  0xb7: 278,
  0xba: 365,
  0xbc: 834,
  0xbd: 834,
  0xbe: 834,
  0xbf: 611,
  0xc6: 1000,
  0xd7: 584,
  0xd8: 778,
  0xdf: 611,
  0xe6: 889,
  0xf7: 584,
  0xf8: 611,
};

function codeWidth(code: number, font: FontName): number {
  const ascii = font === 'Helvetica' ? HELVETICA_ASCII : HELVETICA_BOLD_ASCII;
  if (code >= 0x20 && code <= 0x7e) return ascii[code - 0x20];
  const high = HIGH_WIDTHS[code];
  if (high !== undefined) return high;
  // An accented letter: its base letter's width ("é" is as wide as "e").
  const char = code >= 0xa0 ? String.fromCharCode(code) : '';
  const base = char.normalize('NFD').charCodeAt(0);
  if (base >= 0x20 && base <= 0x7e) return ascii[base - 0x20];
  return 556;
}

/** The width in points of `text` set in `font` at `size`. */
export function textWidth(text: string, font: FontName, size: number): number {
  return (winAnsi(text).reduce((sum, code) => sum + codeWidth(code, font), 0) * size) / 1000;
}

/**
 * `text` broken into lines no wider than `width`, at spaces where it can be and inside a word
 * that is wider than a line by itself. Line breaks in the text are kept; an empty text is one
 * empty line.
 */
export function wrapText(text: string, font: FontName, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const char of word) {
        if (line !== '' && textWidth(line + char, font, size) > width) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}
