import { foldDigits } from '../digits';
import { phoneRegion } from './phone';
import { detectReporterEmail, detectReporterPhone } from './reporterContact';

describe("the reporter's contact details", () => {
  it('when their e-mail recurs in another case, then it is found with the lower-case value', () => {
    const text = 'They wrote to AMIRA@EXAMPLE.ORG and amira@example.org.';
    const found = detectReporterEmail(text, ' Amira@Example.org ');
    expect(found.map((d) => [text.slice(d.start, d.end), d.value])).toEqual([
      ['AMIRA@EXAMPLE.ORG', 'amira@example.org'],
      ['amira@example.org', 'amira@example.org'],
    ]);
  });

  it('when their e-mail is part of a longer address, then it is not found', () => {
    expect(detectReporterEmail('xamira@example.org.uk', 'amira@example.org')).toEqual([]);
  });

  it('when their phone recurs in its own national format in a report about another country, then it is found', () => {
    const text = 'Er ruft Karim auf 06 12 34 56 81 an, nicht auf 06 12 34 56 82.';
    const found = detectReporterPhone(foldDigits(text), '+33 6 12 34 56 81', phoneRegion('DE'));
    expect(found.map((d) => [text.slice(d.start, d.end), d.value])).toEqual([
      ['06 12 34 56 81', '+33612345681'],
    ]);
  });

  it('when their phone cannot be parsed, then it is looked for as written', () => {
    const text = 'call 5-55-01-23 or 5-55-01-23';
    expect(detectReporterPhone(text, '5-55-01-23', undefined)).toHaveLength(2);
  });

  it('when their details are too short to be an address or a number, then nothing is looked for', () => {
    const text = 'a + b @ c, dial 112 or +';
    expect(detectReporterEmail(text, '@')).toEqual([]);
    expect(detectReporterPhone(text, '+', undefined)).toEqual([]);
    expect(detectReporterPhone(text, '112', undefined)).toEqual([]);
  });
});
