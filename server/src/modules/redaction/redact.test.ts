import { randomBytes } from 'node:crypto';
import { emptyRedactionState, redact, type RedactionContext } from '.';

const hmacKey = randomBytes(32);
const context: RedactionContext = { hmacKey, defaultRegion: 'GB' };

describe('redaction of a case', () => {
  it('when a text holds personal data, then each datum becomes a typed, numbered placeholder', () => {
    const { text, found } = redact(
      'Mail alice@example.org, call 020 7946 0018, login from 192.0.2.1.',
      context,
      emptyRedactionState(),
    );
    expect(text).toBe('Mail [EMAIL-1], call [PHONE-1], login from [IP-1].');
    expect(found).toEqual([
      { type: 'EMAIL', placeholder: '[EMAIL-1]' },
      { type: 'PHONE', placeholder: '[PHONE-1]' },
      { type: 'IP', placeholder: '[IP-1]' },
    ]);
  });

  it('when one value is written several ways, then it keeps one placeholder; another value gets the next', () => {
    const { text } = redact(
      'ALICE@example.org, alice@EXAMPLE.org, bob@example.org; +44 20 7946 0018 = 020 7946 0018; ' +
        '2001:DB8::1 = 2001:db8:0:0:0:0:0:1; 4111-1111-1111-1111 = 4111 1111 1111 1111',
      context,
      emptyRedactionState(),
    );
    expect(text).toBe(
      '[EMAIL-1], [EMAIL-1], [EMAIL-2]; [PHONE-1] = [PHONE-1]; [IP-1] = [IP-1]; [CARD-1] = [CARD-1]',
    );
  });

  it('when a later message of the case repeats a value, then the state gives it its earlier placeholder', () => {
    const narrative = redact('He wrote from troll@example.net.', context, emptyRedactionState());
    const weeksLater = redact(
      'Now from other@example.net and again troll@example.net.',
      context,
      narrative.state,
    );
    expect(weeksLater.text).toBe('Now from [EMAIL-2] and again [EMAIL-1].');
  });

  it('when the state is serialised to JSON and back between messages, then numbering carries on', () => {
    const first = redact('020 7946 0018', context, emptyRedactionState());
    const stored = JSON.parse(JSON.stringify(first.state));
    expect(redact('020 7946 0019, 020 7946 0018', context, stored).text).toBe(
      '[PHONE-2], [PHONE-1]',
    );
  });

  it('when a redaction runs, then the state passed in is left as it was', () => {
    const state = emptyRedactionState();
    redact('alice@example.org', context, state);
    expect(state).toEqual(emptyRedactionState());
  });

  it('when the state is stored, then it holds none of the values in clear, in any form', () => {
    const values = [
      'alice@example.org',
      '+442079460018',
      '2079460018',
      '192.0.2.1',
      '4111111111111111',
      'GB82WEST12345698765432',
      '123456789',
      's3cr3tT0ken',
      'amina',
    ];
    const { state } = redact(
      'Amina: alice@example.org, 020 7946 0018, 192.0.2.1, 4111 1111 1111 1111, ' +
        'GB82 WEST 1234 5698 7654 32, SSN 123-45-6789, https://x.example.com/?token=s3cr3tT0ken',
      { ...context, reporter: { name: 'Amina' } },
      emptyRedactionState(),
    );
    const stored = JSON.stringify(state).toLowerCase();
    expect(Object.keys(state.seen)).toHaveLength(values.length - 1);
    for (const value of values) expect(stored).not.toContain(value.toLowerCase());
    expect(Object.keys(state.seen).every((key) => /^[A-Za-z0-9_-]{43}$/.test(key))).toBe(true);
  });

  it('when two cases use different keys, then the same value hashes differently', () => {
    const text = 'alice@example.org';
    const one = redact(text, { hmacKey: randomBytes(32) }, emptyRedactionState()).state;
    const other = redact(text, { hmacKey: randomBytes(32) }, emptyRedactionState()).state;
    expect(Object.keys(one.seen)).toHaveLength(1);
    expect(Object.keys(one.seen)).not.toEqual(Object.keys(other.seen));
  });

  it('when the key is shorter than 32 bytes, then redaction refuses to run', () => {
    expect(() => redact('x', { hmacKey: Buffer.alloc(16) }, emptyRedactionState())).toThrow(
      RangeError,
    );
  });

  it("when the reporter's contact details recur, then they are replaced wherever they appear", () => {
    const { text } = redact(
      'Daniel, they found d.okafor@example.org and 020 7946 0777; OKAFOR is all over the forum.',
      {
        ...context,
        reporter: {
          name: 'Daniel Okafor',
          email: 'D.Okafor@example.org',
          phone: '+44 20 7946 0777',
        },
      },
      emptyRedactionState(),
    );
    expect(text).toBe(
      '[NAME-1], they found [EMAIL-1] and [PHONE-1]; [NAME-1] is all over the forum.',
    );
  });

  it("when the reporter's e-mail appears later, then it keeps the placeholder of the detector's find", () => {
    const first = redact('write to amira@example.org', context, emptyRedactionState());
    const later = redact(
      'AMIRA@EXAMPLE.ORG again',
      { ...context, reporter: { email: 'amira@example.org' } },
      first.state,
    );
    expect(later.text).toBe('[EMAIL-1] again');
  });
});

describe('overlapping matches', () => {
  it('when a credential in a URL contains an e-mail address, then the credential wins', () => {
    const { text } = redact(
      'https://x.example.com/login?auth=alice@example.org&lang=en',
      context,
      emptyRedactionState(),
    );
    expect(text).toBe('https://x.example.com/login?auth=[SECRET-1]&lang=en');
  });

  it('when a URL carries a password before a host, then the password is a secret, not an e-mail', () => {
    const { text } = redact(
      'http://admin:hunter2@example.org/panel',
      context,
      emptyRedactionState(),
    );
    expect(text).toBe('http://admin:[SECRET-1]@example.org/panel');
  });

  it('when a card number could also be read as phone numbers, then it is one card', () => {
    const { text } = redact(
      'card 4111 1111 1111 1111',
      { ...context, defaultRegion: 'US' },
      emptyRedactionState(),
    );
    expect(text).toBe('card [CARD-1]');
  });

  it('when an IBAN holds digits that look like other numbers, then it is one IBAN', () => {
    const { text } = redact(
      'FR76 3000 6000 0112 3456 7890 189',
      { ...context, defaultRegion: 'FR' },
      emptyRedactionState(),
    );
    expect(text).toBe('[IBAN-1]');
  });

  it('when an IPv6 address ends in an IPv4 address, then the whole is one IP', () => {
    expect(redact('from ::ffff:192.0.2.1 today', context, emptyRedactionState()).text).toBe(
      'from [IP-1] today',
    );
  });

  it("when the reporter's name is inside an e-mail address, then the address is replaced whole", () => {
    const { text } = redact(
      'amina.k@example.org and Amina',
      { ...context, reporter: { name: 'Amina' } },
      emptyRedactionState(),
    );
    expect(text).toBe('[EMAIL-1] and [NAME-1]');
  });
});
