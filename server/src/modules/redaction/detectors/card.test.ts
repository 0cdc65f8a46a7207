import { detectCards } from './card';

function cardsIn(text: string): string[] {
  return detectCards(text).map((found) => text.slice(found.start, found.end));
}

describe('payment card detection', () => {
  it('when card numbers are printed the usual ways, then each is found as digits only', () => {
    const text =
      'Visa 4111 1111 1111 1111, MC 5555-5555-5555-4444, Amex 3782 822463 10005, plain 6011111111111117.';
    expect(cardsIn(text)).toEqual([
      '4111 1111 1111 1111',
      '5555-5555-5555-4444',
      '3782 822463 10005',
      '6011111111111117',
    ]);
    expect(detectCards(text)[2]?.value).toBe('378282246310005');
  });

  it('when a card number is followed by its expiry and code, then only the card number is taken', () => {
    expect(cardsIn('card 4111 1111 1111 1111 12 27 123')).toEqual(['4111 1111 1111 1111']);
  });

  it('when one digit is wrong, then the Luhn check refuses it', () => {
    expect(cardsIn('4111 1111 1111 1112')).toEqual([]);
  });

  it('when a Luhn-valid number has no card scheme prefix or length, then it is not a card', () => {
    // 1000 0000 0000 0009 passes Luhn but no scheme issues numbers starting with 1.
    expect(cardsIn('tracking 1000 0000 0000 0009')).toEqual([]);
  });

  it('when digits are grouped unlike a card, or are part of a longer number, then nothing is found', () => {
    expect(cardsIn('411 1111 11111 1111, 41111111111111110000, x4111111111111111')).toEqual([]);
  });
});
