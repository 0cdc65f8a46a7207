import { detectIPs } from './ip';

function ipsIn(text: string): Array<[string, string]> {
  return detectIPs(text).map((found) => [text.slice(found.start, found.end), found.value]);
}

describe('IP address detection', () => {
  it('when a text holds IPv4 addresses, then each is found, with a port or prefix left outside', () => {
    expect(ipsIn('From 203.0.113.45, then 192.0.2.1:8080 and 198.51.100.0/24.')).toEqual([
      ['203.0.113.45', '203.0.113.45'],
      ['192.0.2.1', '192.0.2.1'],
      ['198.51.100.0', '198.51.100.0'],
    ]);
  });

  it('when a text holds IPv6 addresses, then each is found and given its canonical form', () => {
    expect(ipsIn('via 2001:DB8:0:0::1, [2001:db8::cafe]:8443 and 2001:db8::1.')).toEqual([
      ['2001:DB8:0:0::1', '2001:db8::1'],
      ['2001:db8::cafe', '2001:db8::cafe'],
      ['2001:db8::1', '2001:db8::1'],
    ]);
  });

  it('when an IPv6 address ends in dotted IPv4, then the whole address is found', () => {
    expect(ipsIn('mapped ::ffff:192.0.2.1 here')).toContainEqual([
      '::ffff:192.0.2.1',
      '::ffff:c000:201',
    ]);
  });

  it('when an address sits in Chinese or Arabic text, then it is still found', () => {
    expect(ipsIn('登录记录显示IP地址为203.0.113.88。')).toEqual([['203.0.113.88', '203.0.113.88']]);
    expect(ipsIn('地址2001:db8:10::1一直')).toEqual([['2001:db8:10::1', '2001:db8:10::1']]);
  });

  it('when dotted numbers are versions, octets out of range, times or MAC addresses, then none is found', () => {
    const text =
      'v1.2.3.4.5, 1.2.3.4.5.6, 256.1.1.1, 01.02.03.04, 10:30:45, 00:1A:2B:3C:4D:5E, Foo::bar, 12.3.4';
    expect(ipsIn(text)).toEqual([]);
  });
});
