import { wholeToken } from '../../boundaries';
import { compact, isRepetition, type NationalIdFormat } from './format';

/** CPF check digit: weighted sum from `firstWeight` down to 2, modulo 11, 10 counting as 0. */
function cpfCheckDigit(digits: string, firstWeight: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits.charAt(i)) * (firstWeight - i);
  return ((sum * 10) % 11) % 10;
}

function normaliseCpf(written: string): string | undefined {
  const digits = compact(written);
  if (isRepetition(digits)) return undefined;
  const first = cpfCheckDigit(digits.slice(0, 9), 10);
  const second = cpfCheckDigit(digits.slice(0, 10), 11);
  return digits.endsWith(`${first}${second}`) ? digits : undefined;
}

export const BRAZILIAN_CPF: NationalIdFormat = {
  name: 'Brazilian CPF',
  pattern: wholeToken('[0-9]{3}\\.[0-9]{3}\\.[0-9]{3}-[0-9]{2}'),
  normalise: normaliseCpf,
};

export const BRAZILIAN_CPF_UNFORMATTED: NationalIdFormat = {
  name: 'Brazilian CPF without punctuation',
  pattern: wholeToken('[0-9]{11}'),
  normalise: normaliseCpf,
  contextWords: ['cpf'],
};
