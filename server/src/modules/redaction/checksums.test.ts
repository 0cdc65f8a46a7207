import {
  isLuhnValid,
  isVerhoeffValid,
  mod11_10CheckDigit,
  mod11_2CheckCharacter,
  remainder,
} from './checksums';

describe('check-digit algorithms', () => {
  it('when a number passes Luhn, then it is accepted, and one changed digit is refused', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
  });

  it('when a number carries its Verhoeff digit, then it is accepted; a transposition is refused', () => {
    expect(isVerhoeffValid('2363')).toBe(true);
    expect(isVerhoeffValid('2336')).toBe(false);
  });

  it('when a decimal string is longer than a double holds, then its remainder is still exact', () => {
    expect(remainder('3214282912345698765432161182', 97)).toBe(1);
    expect(remainder('0', 97)).toBe(0);
  });

  it('when the ISO 7064 MOD 11-2 check is computed, then 10 is written X', () => {
    expect(mod11_2CheckCharacter('11010519491231002')).toBe('X');
    expect(mod11_2CheckCharacter('44030419850715123')).toBe('9');
  });

  it('when the ISO 7064 MOD 11,10 check is computed, then it matches published tax IDs', () => {
    expect(mod11_10CheckDigit('3657426180')).toBe(9);
  });
});
