import { randomBytes } from 'node:crypto';
import { emptyRedactionState, redact, type RedactionContext } from '.';

const context: RedactionContext = {
  hmacKey: randomBytes(32),
  defaultRegion: 'US',
  reporter: { name: 'Ana María', email: 'ana@example.org', phone: '+1 202 555 0143' },
};

/** Random text drawn from ASCII, control characters, lone surrogates, astral and combining characters. */
function randomText(length: number, seed: number): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  const pools = [
    () => String.fromCharCode(next() % 128),
    () => String.fromCharCode(next() % 32),
    () => String.fromCharCode(0xd800 + (next() % 0x800)),
    () => String.fromCodePoint(0x1f300 + (next() % 0x300)),
    () => String.fromCharCode(0x300 + (next() % 0x70)),
    () => String.fromCharCode(next() % 0x10000),
    () => '0123456789@.:-+ '.charAt(next() % 16),
  ];
  let text = '';
  while (text.length < length) text += pools[next() % pools.length]?.() ?? '';
  return text;
}

describe('hostile input', () => {
  it.each([
    ['50,000 "a@"', 'a@'.repeat(25_000)],
    ['50,000 digits', '1'.repeat(50_000)],
    ['digits and spaces', '1 '.repeat(25_000)],
    ['a phone-like run without end', '(1) '.repeat(12_500)],
    ['plus signs and digits', '+1 '.repeat(16_000)],
    ['colons and hex digits', 'a:'.repeat(25_000)],
    ['dotted numbers', '1.'.repeat(25_000)],
    ['letters without an @', 'a'.repeat(50_000)],
    ['query parameters', '?token='.repeat(6_000)],
    ['URL schemes', '://a:'.repeat(10_000)],
    ['the reporter name run together', 'Ana'.repeat(16_000)],
    ['e-mail addresses back to back', 'a@example.org '.repeat(3_500)],
  ])(
    'when the text is %s, then redaction finishes (no catastrophic backtracking)',
    (_name, text) => {
      // A regular expression that backtracks catastrophically would run past jest's timeout here;
      // how fast redaction is gets measured in bench/redaction.mjs.
      expect(typeof redact(text, context, emptyRedactionState()).text).toBe('string');
    },
  );

  it('when the text is random Unicode with lone surrogates and control characters, then it never throws', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomText(2_000, seed);
      const result = redact(text, context, emptyRedactionState());
      expect(typeof result.text).toBe('string');
    }
  });

  it('when the text is empty or only whitespace, then it comes back unchanged', () => {
    expect(redact('', context, emptyRedactionState()).text).toBe('');
    expect(redact(' \n\t ', context, emptyRedactionState()).text).toBe(' \n\t ');
  });

  it('when reporter details are empty, odd or hostile, then redaction still runs', () => {
    for (const reporter of [
      { name: '', email: '', phone: '' },
      { name: ' ', email: '@', phone: '+' },
      { name: '\ud800', email: 'a'.repeat(10_000), phone: '1'.repeat(10_000) },
      { name: '.*(a+)+$', email: '(a|a)*@x', phone: '[0-9]+' },
    ]) {
      expect(() =>
        redact('text with .*(a+)+$ in it', { ...context, reporter }, emptyRedactionState()),
      ).not.toThrow();
    }
  });
});
