import { isIPv4, isIPv6 } from 'node:net';
import { TOKEN_CHAR, joinsAfter, joinsBefore } from '../boundaries';
import type { Detection } from '../types';

/** Four dotted numbers, not part of a longer dotted sequence such as a version `1.2.3.4.5`. */
const IPV4_CANDIDATE = new RegExp(
  `(?<!${TOKEN_CHAR}|\\.)[0-9]{1,3}(?:\\.[0-9]{1,3}){3}(?!${TOKEN_CHAR}|\\.[0-9])`,
  'gu',
);

/** Hexadecimal digits, colons and dots (an IPv6 address may end in a dotted IPv4 address). */
const IPV6_CANDIDATE = /[0-9A-Fa-f:.]+/g;
const MAX_IPV6_LENGTH = 45;

/**
 * The canonical text of an IPv6 address (RFC 5952: lower case, longest zero run compressed),
 * which WHATWG URL parsing produces.
 */
function canonicalIPv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address.toLowerCase();
  }
}

/** IPv6 text within a run of hex digits, colons and dots, without sentence punctuation after it. */
function ipv6Within(run: string): string | undefined {
  if (run.indexOf(':') === run.lastIndexOf(':') || !/[0-9A-Fa-f]/.test(run)) return undefined;
  const trimmed = run.replace(/\.+$/, '');
  if (trimmed.length > MAX_IPV6_LENGTH) return undefined;
  if (isIPv6(trimmed)) return trimmed;
  // "… from 2001:db8::1: then …": the colon belongs to the sentence.
  const withoutColon = trimmed.endsWith(':') ? trimmed.slice(0, -1) : '';
  return isIPv6(withoutColon) ? withoutColon : undefined;
}

/** IPv4 and IPv6 addresses confirmed by Node's parser; `text` must have its digits folded. */
export function detectIPs(text: string): Detection[] {
  const found: Detection[] = [];
  for (const match of text.matchAll(IPV4_CANDIDATE)) {
    if (!isIPv4(match[0])) continue;
    found.push({
      type: 'IP',
      start: match.index,
      end: match.index + match[0].length,
      value: match[0],
    });
  }
  for (const run of text.matchAll(IPV6_CANDIDATE)) {
    const start = run.index;
    const address = ipv6Within(run[0]);
    if (address === undefined) continue;
    if (joinsBefore(text, start) || joinsAfter(text, start + address.length)) continue;
    found.push({ type: 'IP', start, end: start + address.length, value: canonicalIPv6(address) });
  }
  return found;
}
