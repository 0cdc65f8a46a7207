import { foldDigits } from '../../digits';
import { detectNationalIds } from '.';

function idsIn(text: string): Array<[string, string]> {
  return detectNationalIds(foldDigits(text)).map((found) => [
    text.slice(found.start, found.end),
    found.value,
  ]);
}

/** Made-up numbers with valid check digits, one per format, as people write them. */
const VALID_NUMBERS: Array<[format: string, written: string]> = [
  ['US SSN', '123-45-6789'],
  ['UK National Insurance number', 'AB 12 34 56 C'],
  ['UK National Insurance number, unspaced', 'AB123456C'],
  ['French NIR', '2 69 04 99 350 123 68'],
  ['French NIR, unspaced', '188057800608936'],
  ['French NIR born in Corsica', '1 85 05 2A 006 089 30'],
  ['Spanish DNI', '12345678Z'],
  ['Spanish NIE', 'X1234567L'],
  ['Italian codice fiscale', 'RSSMRA85T10A562S'],
  ['Brazilian CPF', '529.982.247-25'],
  ['Indian Aadhaar', '4691 6697 8489'],
  ['Chinese resident ID', '11010519491231002X'],
  ['Russian SNILS', '112-233-445 95'],
  ['Emirates ID', '784-1985-9169985-9'],
];

/** The same numbers with one character changed, so the check fails. */
const NEAR_MISSES: Array<[format: string, written: string]> = [
  ['US SSN in a range never issued', '666-45-6789'],
  ['US SSN with group 00', '123-00-6789'],
  ['US SSN from an advertisement', '078-05-1120'],
  ['UK NI number with an unallocated prefix', 'QQ 12 34 56 C'],
  ['French NIR with a wrong key', '2 69 04 99 350 123 69'],
  ['Spanish DNI with a wrong letter', '12345678A'],
  ['Spanish NIE with a wrong letter', 'X1234567M'],
  ['Italian codice fiscale with a wrong check letter', 'RSSMRA85T10A562T'],
  ['Brazilian CPF with a wrong check digit', '529.982.247-26'],
  ['Brazilian CPF of repeated digits', '111.111.111-11'],
  ['Indian Aadhaar with a wrong check digit', '4691 6697 8488'],
  ['Chinese resident ID with a wrong check character', '110105194912310020'],
  ['Chinese resident ID born on 31 February', '110105194902310026'],
  ['Russian SNILS with a wrong check number', '112-233-445 96'],
  ['Emirates ID with a wrong check digit', '784-1985-9169985-8'],
];

describe('national identity numbers', () => {
  it.each(VALID_NUMBERS)(
    'when a valid %s is written in a sentence, then it is found',
    (_format, written) => {
      expect(idsIn(`My number ${written} was leaked.`).map(([span]) => span)).toEqual([written]);
    },
  );

  it.each(NEAR_MISSES)('when a %s is written, then it is not found', (_format, written) => {
    expect(idsIn(`My number ${written} was leaked.`)).toEqual([]);
  });

  it('when a number is found, then its value is the number without separators, in upper case', () => {
    expect(idsIn('ab 12 34 56 c / 529.982.247-25')).toEqual([
      ['ab 12 34 56 c', 'AB123456C'],
      ['529.982.247-25', '52998224725'],
    ]);
  });

  it('when an unformatted number is too common to stand alone, then it needs its keyword before it', () => {
    expect(idsIn('Order 36574261809 shipped; 834738299792 items; 682814893257 views')).toEqual([]);
    expect(idsIn('Steuer-ID: 36574261809')).toEqual([['36574261809', '36574261809']]);
    expect(idsIn('ИНН 834738299792')).toEqual([['834738299792', '834738299792']]);
    expect(idsIn('my aadhaar 682814893257')).toEqual([['682814893257', '682814893257']]);
    expect(idsIn('SSN 234 56 7890, CPF 64019385289, СНИЛС 74687234346')).toHaveLength(3);
    expect(idsIn('Ausweisnummer T220001293')).toEqual([['T220001293', 'T220001293']]);
  });

  it('when a keyword is only part of a longer word, then it does not count', () => {
    expect(idsIn('the destination 36574261809')).toEqual([]);
  });

  it('when a valid number is glued to letters or is part of a longer digit sequence, then it is not found', () => {
    expect(idsIn('X123-45-6789, 1-123-45-6789, 4691 6697 8489 1234, 911010519491231002X')).toEqual(
      [],
    );
  });

  it('when a Chinese ID sits in Chinese text with no spaces, then it is found', () => {
    expect(idsIn('身份证号11010519491231002X和家庭住址')).toEqual([
      ['11010519491231002X', '11010519491231002X'],
    ]);
  });
});
