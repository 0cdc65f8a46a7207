import { detectUrlSecrets, isCredentialName } from './urlSecret';

function secretsIn(text: string): string[] {
  return detectUrlSecrets(text).map((found) => text.slice(found.start, found.end));
}

describe('credentials in URLs', () => {
  it('when a query parameter carries a credential, then only its value is taken', () => {
    const text = 'https://x.example.com/reset?token=abc123&lang=en&password=hunter2';
    expect(secretsIn(text)).toEqual(['abc123', 'hunter2']);
  });

  it('when parameter names are spelled in other styles, then they are still recognised', () => {
    for (const name of [
      'access_token',
      'api_key',
      'X-Amz-Signature',
      'sig',
      'SESSION',
      'code',
      'user[password]',
    ]) {
      expect(isCredentialName(name)).toBe(true);
    }
    for (const name of ['lang', 'page', 'zipcode', 'country_code', 'user', 'exp']) {
      expect(isCredentialName(name)).toBe(false);
    }
  });

  it('when a credential travels in a fragment, then it is found there too', () => {
    expect(secretsIn('https://app.example.com/cb#access_token=ya29.a0Af&expires_in=3599')).toEqual([
      'ya29.a0Af',
    ]);
  });

  it('when a sentence ends after the URL, then its punctuation is not part of the value', () => {
    expect(secretsIn('Click https://example.com/c?token=abc123def. Then wait.')).toEqual([
      'abc123def',
    ]);
    expect(secretsIn('(see https://example.com/c?key=k1)')).toEqual(['k1']);
  });

  it('when punctuation sits inside the URL, then it belongs to the value', () => {
    expect(secretsIn('https://example.com/v?password=Winter2024!&next=/home')).toEqual([
      'Winter2024!',
    ]);
  });

  it('when a URL runs straight into Chinese text, then the value stops at the first non-ASCII character', () => {
    expect(secretsIn('链接是https://example.com/reset?token=q9w8e7r6，不是官方的')).toEqual([
      'q9w8e7r6',
    ]);
  });

  it('when a URL carries a user and password, then the password is taken', () => {
    expect(secretsIn('http://admin:hunter2@198.51.100.23:8080/login')).toEqual(['hunter2']);
  });

  it('when parameters carry no credential, then nothing is found', () => {
    expect(secretsIn('https://example.com/search?q=hate+speech&page=2#results')).toEqual([]);
  });
});
