import { foldDigits } from './digits';

describe('folding digits to ASCII', () => {
  it('when digits are Arabic-Indic, Persian, Devanagari or full-width, then they read as ASCII', () => {
    expect(foldDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲ ०१२ ０１２')).toBe('0123456789 012 012 012');
  });

  it('when the text is folded, then it keeps its length, so offsets carry over', () => {
    const text = 'رقمي ٠٥١ ٢٣٤ ٥٦٧٨ 😀 ＋٩٦٦';
    expect(foldDigits(text)).toHaveLength(text.length);
    expect(foldDigits(text).endsWith('+966')).toBe(true);
  });

  it('when a text has no digit outside ASCII, then it comes back as it was', () => {
    const text = 'Call +44 20 7946 0018, café, 東京';
    expect(foldDigits(text)).toBe(text);
  });
});
