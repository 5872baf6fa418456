/**
 * A text answer read as a country: what a screener types for a nationality or a
 * country of origin when the questionnaire asks for it as free text ("Nigeria",
 * "Nigerian", "Nigériane", "NGA"). Only the whole answer is looked up, in a closed
 * list, and only a country code ever comes out, so no free text can pass through.
 *
 * The list: the project's own names (countries.ts, which win), then the country
 * names of i18n-iso-countries (English, French, Spanish, Portuguese) and the
 * nationalities of i18n-nationality (English, Spanish, French with the feminine); and
 * ISO alpha-3 codes written in capitals. A form that two sources give to two
 * different countries ("Dominican") is dropped: an ambiguous answer is published as
 * `unknown`, never as a guess.
 *
 * Built on first use: only an export reads it, and only for text questions.
 */
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import namesEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import namesEs from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import namesFr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import namesPt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import demonymsEn from 'i18n-nationality/langs/en.json' with { type: 'json' };
import demonymsEs from 'i18n-nationality/langs/es.json' with { type: 'json' };
import demonymsFr from 'i18n-nationality/langs/fr.json' with { type: 'json' };
import { countryCode, curatedCountryNames, normaliseName } from './countries.js';

type Names = Readonly<Record<string, string | readonly string[]>>;

/** Longer answers are sentences, not names ("Nigerian, from Lagos"): never looked up. */
const MAX_NAME = 60;

let byName: ReadonlyMap<string, string> | undefined;
let byAlpha3: ReadonlyMap<string, string> | undefined;

/** A text answer naming a country or a nationality: its code, else undefined. */
export function countryOfText(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return countryCode(trimmed);
  if (trimmed.length > MAX_NAME) return undefined;
  byName ??= buildNames();
  const named = byName.get(normaliseName(trimmed));
  if (named !== undefined || !/^[A-Z]{3}$/.test(trimmed)) return named;
  // An ISO alpha-3 code only in capitals: in lower case many are words (and, can, per).
  byAlpha3 ??= new Map(
    (codes as readonly (readonly string[])[]).flatMap(([alpha2, alpha3]) =>
      alpha2 && alpha3 && countryCode(alpha2) ? [[alpha3, alpha2] as const] : [],
    ),
  );
  return byAlpha3.get(trimmed);
}

function buildNames(): Map<string, string> {
  const curated = curatedCountryNames();
  const found = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (code: string, name: string) => {
    const key = normaliseName(name);
    // Only Latin letters survive normalising; a code outside the M49 grouping is not published.
    if (key === '' || curated.has(key) || ambiguous.has(key) || !countryCode(code)) return;
    const earlier = found.get(key);
    if (earlier === undefined) found.set(key, code);
    else if (earlier !== code) {
      found.delete(key);
      ambiguous.add(key);
    }
  };
  for (const { countries } of [namesEn, namesFr, namesEs, namesPt] as { countries: Names }[])
    for (const [code, names] of Object.entries(countries))
      for (const name of typeof names === 'string' ? [names] : names) add(code, name);
  for (const { nationalities } of [demonymsEn, demonymsEs] as { nationalities: Names }[])
    for (const [code, name] of Object.entries(nationalities))
      if (typeof name === 'string') add(code, name);
  for (const [code, name] of Object.entries((demonymsFr as { nationalities: Names }).nationalities))
    if (typeof name === 'string') for (const form of frenchForms(name)) add(code, form);
  return new Map([...curated, ...found]);
}

/**
 * A French nationality and its feminine (the list gives the masculine only): `-ien`
 * and `-éen` double the n (ivoirienne, guinéenne), a final `e` stays (belge), any other
 * ending takes an `e` (nigériane, congolaise). Only single words: the few irregular
 * ones (grecque, turque) are simply not recognised in the feminine.
 */
export function frenchForms(masculine: string): string[] {
  const word = masculine.trim();
  if (!/^[\p{L}-]+$/u.test(word)) return [word];
  if (/(ien|éen)$/u.test(word)) return [word, `${word}ne`];
  if (/e$/u.test(word)) return [word];
  return [word, `${word}e`];
}
