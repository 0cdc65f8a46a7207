import type { Detection } from '../types';

// RFC 5321 limits; they also bound the work done around each `@`.
const MAX_LOCAL_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;

function isLocalChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x25 || // %
    code === 0x2b || // +
    code === 0x2d // -
  );
}

function isDomainChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e ||
    code === 0x2d
  );
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

function isPlausibleDomain(domain: string): boolean {
  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  return (
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    TOP_LEVEL_LABEL.test(topLevel)
  );
}

/**
 * E-mail addresses with an ASCII local part and domain. The scan starts from each `@` and reads
 * outwards, so its cost is bounded per `@` whatever surrounds it (a pattern scanning for the local
 * part first would rescan long runs of letters from every position).
 */
export function detectEmails(text: string): Detection[] {
  const found: Detection[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > at - MAX_LOCAL_LENGTH && start > 0 && isLocalChar(text.charCodeAt(start - 1))) {
      start--;
    }
    // A dot cannot open a local part: it ends the sentence before it.
    while (start < at && text.charCodeAt(start) === 0x2e) start++;

    let end = at + 1;
    while (
      end < at + 1 + MAX_DOMAIN_LENGTH &&
      end < text.length &&
      isDomainChar(text.charCodeAt(end))
    ) {
      end++;
    }
    // A trailing dot or hyphen is punctuation after the address.
    while (
      end > at + 1 &&
      (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2d)
    ) {
      end--;
    }

    if (start === at || text.charCodeAt(at - 1) === 0x2e) continue;
    if (!isPlausibleDomain(text.slice(at + 1, end))) continue;
    found.push({ type: 'EMAIL', start, end, value: text.slice(start, end).toLowerCase() });
  }
  return found;
}
