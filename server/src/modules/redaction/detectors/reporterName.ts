import { foldName, foldText } from '../fold';
import type { Detection } from '../types';

/** Scripts written without spaces between words: a name is found wherever its letters occur. */
const UNSPACED_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\s·・]+$/u;
const ARABIC_SCRIPT = /^[\p{Script=Arabic}\s]+$/u;
const CYRILLIC_SCRIPT = /^[\p{Script=Cyrillic}\s-]+$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;

/** Arabic conjunctions and prepositions written joined to the next word: و ف ب ل ك. */
const ARABIC_PROCLITICS = /^[وفبلك]{1,2}$/;
/**
 * Arabic pronoun suffixes a name may carry ("their Ahmad"). Not ي: أحمدي is another name.
 */
const ARABIC_SUFFIX = /^(?:هما|ها|هم|هن|كم|كن|نا|ه|ك)?/;
/** Russian case endings after a name's stem: Иван → Ивана, Ивану, Иваном; Анна → Анну, Анной. */
const CYRILLIC_ENDING = /^(?:ием|ией|ой|ей|ом|ем|ою|ею|ию|ия|ии|ий|[аяуюеиыоьй])?/;
/** Particles of compound names, too common to look for on their own. */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'del',
  'della',
  'dos',
  'das',
  'bin',
  'ibn',
  'abu',
  'bint',
]);

function isWordChar(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && WORD_CHAR.test(String.fromCodePoint(code));
}

function startsWord(text: string, index: number): boolean {
  return index === 0 || !isWordChar(text, index - 1);
}

/**
 * The letters joined to the front of the word at `index`, read back no further than three: two
 * particles at most may precede a name, so three letters mean a longer word runs into it.
 */
function joinedBefore(text: string, index: number): string {
  let start = index;
  while (start > index - 3 && start > 0 && isWordChar(text, start - 1)) start--;
  return text.slice(start, index);
}

type Matcher = (folded: string, at: number, term: string) => number | undefined;

/** Each matcher returns where the name's occurrence at `at` ends, or undefined if it is none. */
const MATCHERS: Record<'unspaced' | 'arabic' | 'cyrillic' | 'spaced', Matcher> = {
  unspaced: (_folded, at, term) => at + term.length,
  arabic(folded, at, term) {
    const prefix = joinedBefore(folded, at);
    if (prefix !== '' && !ARABIC_PROCLITICS.test(prefix)) return undefined;
    const end = at + term.length;
    const suffix = ARABIC_SUFFIX.exec(folded.slice(end, end + 3))?.[0] ?? '';
    return isWordChar(folded, end + suffix.length) ? undefined : end;
  },
  cyrillic(folded, at, term) {
    if (!startsWord(folded, at)) return undefined;
    const end = at + term.length;
    const ending = CYRILLIC_ENDING.exec(folded.slice(end, end + 3))?.[0] ?? '';
    return isWordChar(folded, end + ending.length) ? undefined : end + ending.length;
  },
  spaced(folded, at, term) {
    const end = at + term.length;
    return startsWord(folded, at) && !isWordChar(folded, end) ? end : undefined;
  },
};

function scriptOf(name: string): keyof typeof MATCHERS {
  if (UNSPACED_SCRIPT.test(name)) return 'unspaced';
  if (ARABIC_SCRIPT.test(name)) return 'arabic';
  if (CYRILLIC_SCRIPT.test(name)) return 'cyrillic';
  return 'spaced';
}

/** The folded strings to look for: the whole name and, in spaced scripts, its longer parts. */
function searchTerms(name: string, script: keyof typeof MATCHERS): string[] {
  const parts =
    script === 'unspaced'
      ? []
      : name.split(' ').filter((part) => [...part].length >= 3 && !NAME_PARTICLES.has(part));
  // A Russian name is looked for by its stem, the ending following the grammatical case.
  const stems =
    script === 'cyrillic' ? [name, ...parts].map((term) => term.replace(/[аяоеьйы]$/, '')) : [];
  return [...new Set([name, ...parts, ...stems])].filter((term) => [...term].length >= 2);
}

/**
 * The reporter's name wherever it recurs, whatever its case, accents or Arabic spelling variants;
 * in Chinese, Japanese, Korean or Thai as a plain substring, in Arabic after joined particles, in
 * Russian with its case endings. Every occurrence gets the same value: the folded full name.
 */
export function detectReporterName(text: string, name: string): Detection[] {
  const fullName = foldName(name);
  if ([...fullName].length < 2) return [];
  const script = scriptOf(fullName);
  const { text: searchable, startOf, endOf } = foldText(text);
  const found: Detection[] = [];
  for (const term of searchTerms(fullName, script)) {
    for (let at = searchable.indexOf(term); at !== -1; at = searchable.indexOf(term, at + 1)) {
      const end = MATCHERS[script](searchable, at, term);
      if (end === undefined) continue;
      const start = startOf[at] ?? 0;
      found.push({ type: 'NAME', start, end: endOf[end - 1] ?? start, value: fullName });
    }
  }
  return found;
}
