import { foldDigits } from '../digits';
import { detectPhones, phoneRegion } from './phone';

function phonesIn(text: string, region?: string): Array<[string, string]> {
  return detectPhones(foldDigits(text), phoneRegion(region)).map((found) => [
    text.slice(found.start, found.end),
    found.value,
  ]);
}

describe('phone number detection', () => {
  it('when a number is international, then it is found without a region, in E.164', () => {
    expect(phonesIn('Call +44 20 7946 0018 or +1 (202) 555-0143.')).toEqual([
      ['+44 20 7946 0018', '+442079460018'],
      ['+1 (202) 555-0143', '+12025550143'],
    ]);
  });

  it('when a number is national, then it is found only where the region is known', () => {
    expect(phonesIn('Il m’appelle au 06 12 34 56 78.')).toEqual([]);
    expect(phonesIn('Il m’appelle au 06 12 34 56 78.', 'fr')).toEqual([
      ['06 12 34 56 78', '+33612345678'],
    ]);
  });

  it('when the same number is written two ways, then both normalise to one value', () => {
    const values = phonesIn('020 7946 0018 or +44 (0)20 7946 0018', 'GB').map(([, value]) => value);
    expect(values).toEqual(['+442079460018', '+442079460018']);
  });

  it('when a number is dialled with 00, then it is read as international even in another region', () => {
    expect(phonesIn('Appelle le 00 44 20 7946 0018', 'FR')).toEqual([
      ['00 44 20 7946 0018', '+442079460018'],
    ]);
  });

  it('when digits are Arabic-Indic or full-width, then the number is still found', () => {
    expect(phonesIn('رقمي هو ٠٥١ ٢٣٤ ٥٦٧٨', 'SA')).toEqual([['٠٥١ ٢٣٤ ٥٦٧٨', '+966512345678']]);
    expect(phonesIn('手机：１３１２３４５６７８４', 'CN')).toEqual([
      ['１３１２３４５６７８４', '+8613123456784'],
    ]);
  });

  it('when a national-format number is announced as an order or invoice, then it is left alone', () => {
    expect(phonesIn('Please quote order #2025550143 or invoice no. 2025550144.', 'US')).toEqual([]);
    expect(phonesIn('Заказ № 9123456789 оформлен', 'RU')).toEqual([]);
    expect(phonesIn('订单号 13123456789 已发货', 'CN')).toEqual([]);
    expect(phonesIn('I prefer 020 7946 0018.', 'GB')).toEqual([['020 7946 0018', '+442079460018']]);
  });

  it('when digits form a date, time, amount, version or year, then they are no phone number', () => {
    const text =
      'On 03.05.2024 at 10:30:45, 15/03/2024, 2024-03-15, €1,234.56, v2.14.3, in 2023 and 2024.';
    expect(phonesIn(text, 'DE')).toEqual([]);
    expect(phonesIn(text, 'GB')).toEqual([]);
  });

  it('when a number is glued to letters, then it is part of a code, not a phone number', () => {
    expect(phonesIn('ref SF02079460018 and AB020 7946 0018', 'GB')).toEqual([]);
  });

  it('when the region code is unknown or malformed, then only international numbers are found', () => {
    expect(phonesIn('+44 20 7946 0018 and 020 7946 0019', 'XX')).toEqual([
      ['+44 20 7946 0018', '+442079460018'],
    ]);
    expect(phoneRegion('not a region')).toBeUndefined();
  });
});
