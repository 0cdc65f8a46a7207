import { detectEmails } from './email';

function emailsIn(text: string): string[] {
  return detectEmails(text).map((found) => text.slice(found.start, found.end));
}

describe('e-mail detection', () => {
  it('when a text holds addresses, then each is found and normalised to lower case', () => {
    const text = 'Write to Sara.Lopez+reports@Example.COM or a_b-c@mail.example.org.';
    expect(emailsIn(text)).toEqual(['Sara.Lopez+reports@Example.COM', 'a_b-c@mail.example.org']);
    expect(detectEmails(text)[0]?.value).toBe('sara.lopez+reports@example.com');
  });

  it('when an address is wrapped in brackets, a mailto link or Chinese text, then only it is taken', () => {
    expect(emailsIn('<no-reply@example.org>')).toEqual(['no-reply@example.org']);
    expect(emailsIn('mailto:tips@example.com?subject=x')).toEqual(['tips@example.com']);
    expect(emailsIn('请联系我的邮箱zhang.wei@example.com谢谢')).toEqual(['zhang.wei@example.com']);
  });

  it('when a sentence ends right after an address, then the full stop is left out', () => {
    expect(emailsIn('It came from hacker@example.net.')).toEqual(['hacker@example.net']);
  });

  it('when something only looks like an address, then nothing is found', () => {
    expect(
      emailsIn('@handle, user@localhost, a@b, x@example.c, @@, me@.org, me@example..org'),
    ).toEqual([]);
    expect(emailsIn('@TheirAccount posted at 10@home')).toEqual([]);
  });
});
