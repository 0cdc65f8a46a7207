import { detectIbans } from './iban';

function ibansIn(text: string): Array<[string, string]> {
  return detectIbans(text).map((found) => [text.slice(found.start, found.end), found.value]);
}

describe('IBAN detection', () => {
  it('when an IBAN is printed in groups or as one block, then it is found in electronic form', () => {
    expect(ibansIn('Pay GB82 WEST 1234 5698 7654 32 or DE89370400440532013000.')).toEqual([
      ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'],
      ['DE89370400440532013000', 'DE89370400440532013000'],
    ]);
  });

  it('when words follow an IBAN, then they are not read into it', () => {
    expect(ibansIn('IBAN SA03 8000 0000 6080 1016 7519 AND more')).toEqual([
      ['SA03 8000 0000 6080 1016 7519', 'SA0380000000608010167519'],
    ]);
  });

  it('when an IBAN sits in Chinese text, then it is found', () => {
    expect(ibansIn('转到GB82 WEST 1234 5698 7654 32这个账户')).toHaveLength(1);
  });

  it('when the mod-97 check fails or the length is wrong for the country, then nothing is found', () => {
    expect(
      ibansIn('GB82 WEST 1234 5698 7654 33, GB82 WEST 1234 5698 7654, GB82WEST12345698765432X'),
    ).toEqual([]);
  });

  it('when the country is not an IBAN country, then nothing is found', () => {
    expect(ibansIn('US12 3456 7890 1234 5678 90')).toEqual([]);
  });
});
