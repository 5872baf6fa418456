/**
 * Names of people in free text that no field gave: sequences of capitalised words
 * (with particles such as "de la", "bin", "van") that are not on the allow-list of
 * places, nationalities, languages and organisations, and words in a non-Latin
 * script inside a Latin-script note. A word after a naming cue ("called", "Mr",
 * "s'appelle", "llamado", "her uncle") is a name even if it is also a place.
 */
import { allowKey, allowList, commonWords, longestAllowed } from './allow-list.js';
import { foldString } from './fold.js';
import { givenNames } from './given-names.js';
import { lazyRegExp } from './lazy-regexp.js';
import type { Hit } from './patterns.js';

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly key: string;
  readonly cap: boolean;
  readonly nonLatin: boolean;
  readonly sentenceInitial: boolean;
  /** Four capitals or more (DUPONT, HOUSE): a name unless common or in lower case elsewhere. */
  readonly shout: boolean;
}

const PARTICLES = new Set(
  'de|del|de la|della|di|da|das|do|dos|du|des|van|von|der|den|ter|ten|bin|binti|bint|ibn|ben|al|el|le|la|y|e|abu|ould|mac|st'.split(
    '|',
  ),
);
/** Prefixes joined to a capitalised name: al-Hassan, el-Sayed, d'Souza, bin-Laden. */
const PREFIXED = lazyRegExp(
  String.raw`^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|ben|d|l|o|mc|mac|da|de|di)['\u2019-]\p{Lu}`,
  'u',
);
const CUE_BEFORE = new Set(
  `named|called|known as|aka|alias|nicknamed|nickname|mr|mrs|ms|miss|dr|mme|mlle|m|monsieur|madame|mademoiselle|sr|sra|srta|senor|senora|senorita|don|dona|appele|appelee|appelle|appelait|nomme|nommee|surnomme|surnommee|denomme|denommee|llamado|llamada|llama|llamaba|apodado|apodada|uncle|aunt|auntie|cousin|brother|sister|husband|wife|boyfriend|girlfriend|boss|recruiter|employer|friend|neighbour|neighbor|oncle|tante|cousine|frere|soeur|mari|copain|copine|patron|patronne|recruteur|recruteuse|employeur|ami|amie|voisin|voisine|tio|tia|primo|prima|hermano|hermana|marido|esposo|esposa|novio|novia|jefe|jefa|reclutador|reclutadora|amigo|amiga|vecino|vecina|senor|madam|mama|mami|papa|oga|madame`.split(
    '|',
  ),
);

/** A French elided article before an ordinary word: "L'argent", "D'abord", "Qu'elle". */
const ELIDED = lazyRegExp(
  String.raw`^(?:[LlDdJjNnSsMmTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['\u2019]\p{Ll}`,
  'u',
);

/*
 * The patterns above are built on first use (lazy-regexp.ts): with Unicode classes,
 * building one at start-up costs more than most reports use them.
 *
 * The tests below give the same answers as the Unicode patterns they spare on plain
 * ASCII words and on words without an apostrophe or a hyphen: each pattern is compiled
 * on first use, and its Unicode classes cost more than tokenising a whole note.
 */
const NON_ASCII = /[\u0080-\uffff]/;
const JOINER = /['’-]/;

export function isCap(text: string): boolean {
  // ELIDED and PREFIXED both need an apostrophe or a hyphen.
  const joined = JOINER.test(text);
  if (joined && ELIDED().test(text)) return false;
  if (joined && PREFIXED().test(text)) return true;
  const first = text[0] ?? '';
  // In ASCII, \p{Lu} is A–Z and there is no \p{Lt}.
  if (first < '\u0080' ? !(first >= 'A' && first <= 'Z') : !/\p{Lu}|\p{Lt}/u.test(first))
    return false;
  // Two or three capitals are an acronym (IOM, NGO, ID), not a name. Longer words in
  // capitals count as capitalised, since forms and notes often write a family name so
  // ("Jean DUPONT", "PÉREZ GARCÍA"); see isShout for when one alone is a name.
  return !acronymLetters(capitalLetters(text));
}

/** A word of four capitals or more (isCap holds for it). */
export function isShout(text: string): boolean {
  return isCap(text) && fourCapitals(text);
}

/** isShout for a word already known to be capitalised (the tokeniser's case). */
function fourCapitals(text: string): boolean {
  const letters = capitalLetters(text);
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/**
 * Two or three capitals (IOM, NGO, ID, and family names such as LI, NG, HO): an acronym
 * alone, part of a name beside a name word or after a naming cue (see findNames).
 */
export function isAcronym(text: string): boolean {
  return acronymLetters(capitalLetters(text));
}

function acronymLetters(letters: string): boolean {
  return letters.length >= 2 && letters.length <= 3 && letters === letters.toUpperCase();
}

function capitalLetters(text: string): string {
  return NON_ASCII.test(text) ? text.replace(/[^\p{L}]/gu, '') : text.replace(/[^A-Za-z]/g, '');
}

export function isNonLatin(text: string): boolean {
  // An ASCII word's letters are all Latin.
  if (!NON_ASCII.test(text)) return false;
  return /\p{L}/u.test(text) && !/\p{Script=Latin}/u.test(text);
}

/**
 * The tokens of a text, as TOKEN would find them: a letter or mark, then letters, marks,
 * apostrophes and hyphens, ending on a letter or mark. Written out, since TOKEN's three
 * Unicode classes cost milliseconds to compile (twice: V8 compiles a pattern to native
 * code on its second use), more than tokenising every note of a report; letters and
 * marks beyond ASCII are told by isLetterOrMark. Tests check it against TOKEN.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.codePointAt(i)!;
    if (!isLetterOrMark(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let j = i + (c > 0xffff ? 2 : 1);
    let end = j;
    while (j < n) {
      const d = text.codePointAt(j)!;
      if (isLetterOrMark(d)) end = j += d > 0xffff ? 2 : 1;
      else if (d === 0x27 || d === 0x2019 || d === 0x2d) j++;
      else break;
    }
    const word = text.slice(start, end);
    const cap = isCap(word);
    const sentenceInitial = startsSentence(text, start);
    out.push({
      start,
      end,
      text: word,
      key: allowKey(word),
      cap,
      shout: cap && fourCapitals(word),
      nonLatin: isNonLatin(word),
      sentenceInitial,
    });
    i = end;
  }
  return out;
}

/** As TOKEN wrote it (the tests compare tokenize with it). */
export const TOKEN_PATTERN = String.raw`[\p{L}\p{M}](?:[\p{L}\p{M}'\u2019-]*[\p{L}\p{M}])?`;

const LETTER_OR_MARK = lazyRegExp(String.raw`[\p{L}\p{M}]`, 'u');
const letterOrMark = new Map<number, boolean>();

/** \p{L} or \p{M}, for a code point. */
export function isLetterOrMark(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  // Latin-1 and Latin Extended A and B (letters but for a few symbols), combining
  // diacritics (marks), general punctuation (neither): the tests check every one.
  if (c < 0x250)
    return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  if (c >= 0x300 && c < 0x370) return true;
  if (c >= 0x2000 && c < 0x2070) return false;
  let known = letterOrMark.get(c);
  if (known === undefined) {
    known = LETTER_OR_MARK().test(String.fromCodePoint(c));
    letterOrMark.set(c, known);
  }
  return known;
}

/**
 * Whether the token at `at` starts a sentence: the text start, or after . ! ? : ; or a
 * line break (spaces, quotes, brackets, bullets and dashes between), unless that full
 * stop ends an initial ("J. Smith"). As the patterns it replaces (the tests compare):
 * before = text.slice(0, at).replace(/[\s"'“”‘’«»([*•·–—-]+$/u, ''), initial when
 * before.endsWith('.') && /(?:^|[\s.])\p{Lu}\.$/u.test(before).
 */
function startsSentence(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && isSkippedBefore(text.charCodeAt(k - 1))) k--;
  if (k === 0) return true;
  const prev = text.charCodeAt(k - 1);
  // . ! ? : ; \n
  if (
    prev !== 0x2e &&
    prev !== 0x21 &&
    prev !== 0x3f &&
    prev !== 0x3a &&
    prev !== 0x3b &&
    prev !== 0x0a
  )
    return false;
  return !(prev === 0x2e && endsWithInitial(text, k - 1));
}

const SKIPPED_BEFORE = /[\s“”‘’«»•·–—]/;

/** A UTF-16 unit of [\s"'“”‘’«»([*•·–—-] (all of one unit, none a surrogate). */
function isSkippedBefore(c: number): boolean {
  if (c < 0x80)
    return (
      c === 0x20 ||
      (c >= 0x09 && c <= 0x0d) ||
      c === 0x22 ||
      c === 0x27 ||
      c === 0x28 ||
      c === 0x5b ||
      c === 0x2a ||
      c === 0x2d
    );
  return SKIPPED_BEFORE.test(String.fromCharCode(c));
}

const UPPER = lazyRegExp(String.raw`^\p{Lu}$`, 'u');

/** Whether an upper-case letter stands before the full stop at `dot`, at the start or after a space or a full stop. */
function endsWithInitial(text: string, dot: number): boolean {
  let q = dot - 1;
  if (q < 0) return false;
  let c = text.charCodeAt(q);
  if (c >= 0xdc00 && c <= 0xdfff && q > 0) {
    const lead = text.charCodeAt(q - 1);
    if (lead >= 0xd800 && lead <= 0xdbff) {
      q--;
      c = text.codePointAt(q)!;
    }
  }
  const upper = c < 0x80 ? c >= 0x41 && c <= 0x5a : UPPER().test(String.fromCodePoint(c));
  if (!upper) return false;
  if (q === 0) return true;
  const before = text.charCodeAt(q - 1);
  return (
    before === 0x2e ||
    (before < 0x80
      ? before === 0x20 || (before >= 0x09 && before <= 0x0d)
      : /\s/.test(String.fromCharCode(before)))
  );
}

/** Tokens of one name may be separated by spaces or a hyphen, or by ". " after an initial. */
function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (/^[ \t]+$|^-$/.test(gap)) return true;
  return /^\.[ \t]+$/.test(gap) && a.text.length === 1;
}

function cueBefore(tokens: readonly Token[], i: number, text: string): boolean {
  for (let n = 1; n <= 2; n++) {
    const first = tokens[i - n];
    if (!first) break;
    const phrase = tokens
      .slice(i - n, i)
      .map((t) => foldString(t.text))
      .join(' ');
    const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
    if (CUE_BEFORE.has(phrase) && /^[\s.:,]*$/.test(gap)) return true;
  }
  return false;
}

/**
 * Keys of words written capitalised in the middle of a sentence: what the notes treat
 * as names. A capitalised word that starts a sentence is a name only if it is one of
 * these (in any passage of the report), since most sentence-initial words are not.
 */
export function midSentenceCapitals(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  const tokenized = new Map<string, Token[]>();
  for (const t of texts) {
    const tokens = tokenized.get(t) ?? tokenize(t);
    tokenized.set(t, tokens);
    for (const tok of tokens) if (tok.cap && !tok.sentenceInitial) out.add(tok.key);
  }
  lastTokenized = tokenized;
  return out;
}

/**
 * The tokens of the texts midSentenceCapitals saw last: a report asks it about all its
 * passages, then findNames about each of them, and need not tokenise them twice.
 */
let lastTokenized = new Map<string, Token[]>();

export function findNames(text: string, documentNames?: ReadonlySet<string>): Hit[] {
  const tokens = lastTokenized.get(text) ?? tokenize(text);
  const known = documentNames ?? midSentenceCapitals([text]);
  const given = givenNames();
  const allow = allowList();
  const common = commonWords();
  const maxAllowed = longestAllowed();
  // A word the note also writes in lower case is an ordinary word ("Cleaning … cleaning").
  const lowerElsewhere = new Set(tokens.filter((t) => !t.cap && !t.nonLatin).map((t) => t.key));

  const hits: Hit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // A short family name in capitals after a naming cue ("called LI") starts a name.
    const cuedShort =
      !t.cap && isAcronym(t.text) && !allow.has(t.key) && cueBefore(tokens, i, text);
    if (!t.cap && !t.nonLatin && !cuedShort) {
      i++;
      continue;
    }
    // Grow a sequence of capitalised words, letting particles sit between two of them,
    // and words of two or three capitals, which are kept only beside a name word
    // ("Wei LI", "NG Mei Ling") below.
    const seq: Token[] = [t];
    const before = tokens[i - 1];
    if (before && !before.cap && isAcronym(before.text) && joined(text, before, t))
      seq.unshift(before);
    let j = i + 1;
    while (j < tokens.length) {
      const next = tokens[j]!;
      const last = seq[seq.length - 1]!;
      if (!joined(text, last, next)) break;
      if (next.cap || next.nonLatin || isAcronym(next.text)) {
        seq.push(next);
        j++;
        continue;
      }
      // Up to two particles ("de la") followed by a capitalised word.
      let k = j;
      const parts: Token[] = [];
      while (k < tokens.length && parts.length < 2 && PARTICLES.has(tokens[k]!.key)) {
        if (!joined(text, parts.length ? parts[parts.length - 1]! : last, tokens[k]!)) break;
        parts.push(tokens[k]!);
        k++;
      }
      const after = tokens[k];
      if (
        parts.length > 0 &&
        after &&
        (after.cap || after.nonLatin) &&
        joined(text, parts[parts.length - 1]!, after)
      ) {
        seq.push(...parts, after);
        j = k + 1;
        continue;
      }
      break;
    }
    i = j;

    const cued = cueBefore(tokens, tokens.indexOf(seq[0]!), text);
    // Mark allow-listed phrases (longest first), common words and particles as not-a-name.
    const keep = new Array<boolean>(seq.length).fill(true);
    for (let a = 0; a < seq.length; a++) {
      // After "called", "Mr", "llamado"… the whole sequence is a name, even "Florence Santos".
      if (cued) break;
      for (let n = Math.min(maxAllowed, seq.length - a); n >= 1; n--) {
        const phrase = seq
          .slice(a, a + n)
          .map((x) => x.key)
          .join(' ');
        // "l'Espagne", "d'Italie": the place after a French elided article.
        const unelided = phrase.replace(/^(?:l|d|qu|jusqu|lorsqu) /, '');
        if (allow.has(phrase) || allow.has(unelided)) {
          for (let b = a; b < a + n; b++) keep[b] = false;
          a += n - 1;
          break;
        }
      }
    }
    const short = seq.map((x) => !x.cap && !x.nonLatin && isAcronym(x.text));
    seq.forEach((x, k) => {
      if (common.has(x.key) && !(cued && k === 0 && !x.sentenceInitial)) keep[k] = false;
      if (!x.cap && !x.nonLatin && !short[k]) keep[k] = false;
    });
    // Two or three capitals stay only after a cue or beside a kept name word: "Wei LI"
    // and "NG Mei Ling" are names, "the IOM" and "her ID" are not.
    const nameWord = (k: number) => k >= 0 && k < seq.length && keep[k] && !short[k];
    seq.forEach((_x, k) => {
      if (short[k] && keep[k] && !cued && !nameWord(k - 1) && !nameWord(k + 1)) keep[k] = false;
    });
    // Runs of kept tokens (particles inside a run stay with it).
    let k = 0;
    while (k < seq.length) {
      if (!keep[k]) {
        k++;
        continue;
      }
      let e = k;
      while (e + 1 < seq.length && (keep[e + 1] || (PARTICLES.has(seq[e + 1]!.key) && keep[e + 2])))
        e++;
      const run = seq.slice(k, e + 1);
      const single = run.length === 1 ? run[0]! : undefined;
      // A word in capitals alone ("then KOWALSKI took her passport") is a name even at
      // the start of a sentence, which explains one capital, not four. Emphasis in
      // capitals ("she was NEVER paid") is kept when the word is a common one (marked
      // above) or written in lower case elsewhere in the text; other words shouted
      // alone are blanked: a lost word of emphasis, rather than a name in the report.
      const ordinary =
        single !== undefined &&
        !single.nonLatin &&
        !(cued && k === 0) &&
        (lowerElsewhere.has(single.key) ||
          single.text.length < 2 ||
          (!single.shout &&
            single.sentenceInitial &&
            !known.has(single.key) &&
            !given.has(single.key.split(' ')[0]!)));
      if (!ordinary) hits.push({ start: run[0]!.start, end: run[run.length - 1]!.end });
      k = e + 1;
    }
  }
  return hits;
}
