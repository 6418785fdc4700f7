import { canShow, textWidth, UNSHOWABLE, winAnsi, wrapText } from './fonts';

describe('winAnsi', () => {
  it('keeps ASCII and Latin-1, and maps the euro and typographic quotes to their WinAnsi codes', () => {
    expect(winAnsi('Ab1 ¥é')).toEqual([0x41, 0x62, 0x31, 0x20, 0xa5, 0xe9]);
    expect(winAnsi('€“”–')).toEqual([0x80, 0x93, 0x94, 0x96]);
  });

  it('transliterates full-width forms and accents outside Latin-1, and turns line breaks into spaces', () => {
    expect(Buffer.from(winAnsi('ＡＢＣ１２３ Łódź\nőz')).toString('latin1')).toBe('ABC123 Lódz oz');
  });

  it('shows a question mark for each character it cannot show, Japanese or an emoji', () => {
    expect(winAnsi('山田 太郎')).toEqual([UNSHOWABLE, UNSHOWABLE, 0x20, UNSHOWABLE, UNSHOWABLE]);
    expect(winAnsi('🙂')).toEqual([UNSHOWABLE]);
    expect(canShow('山田')).toBe(false);
    expect(canShow('¥48,000')).toBe(true);
  });
});

describe('textWidth', () => {
  it('uses the fonts’ metrics', () => {
    expect(textWidth('Wi', 'Helvetica', 10)).toBeCloseTo(9.44 + 2.22);
    expect(textWidth('Wi', 'Helvetica-Bold', 10)).toBeCloseTo(9.44 + 2.78);
    // An accented letter is as wide as its base letter.
    expect(textWidth('é', 'Helvetica', 10)).toBe(textWidth('e', 'Helvetica', 10));
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width, keeps line breaks, and splits words too long for a line', () => {
    const lines = wrapText('one two three four\nfive', 'Helvetica', 10, 50);
    expect(lines).toEqual(['one two', 'three four', 'five']);
    const long = wrapText('x'.repeat(40), 'Helvetica', 10, 50);
    expect(long.join('')).toBe('x'.repeat(40));
    for (const line of long) expect(textWidth(line, 'Helvetica', 10)).toBeLessThanOrEqual(50);
    expect(wrapText('', 'Helvetica', 10, 50)).toEqual(['']);
  });
});
