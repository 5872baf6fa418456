/**
 * The names the runtime's CLDR data gives in English, French and Spanish: countries
 * and territories, languages, months and weekdays, for the allow-list of the name
 * detector. Asking ICU for them loads its region, language and calendar data, which
 * took longer than scrubbing a whole report: the build writes the finished allow-list
 * beside the bundle (../icu-precomputed.ts), and this runs only without it.
 */

export interface CldrNames {
  readonly regions: readonly string[];
  readonly languages: readonly string[];
  /** Month and weekday names, long and short, without a final dot. */
  readonly calendar: readonly string[];
}

const LANGS = ['en', 'fr', 'es'] as const;

function regionNames(): string[] {
  const out: string[] = [];
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  for (const lang of LANGS) {
    const dn = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const c of codes) {
      try {
        const v = dn.of(c);
        if (v) out.push(v);
      } catch {
        // Not a region code.
      }
    }
  }
  return out;
}

const LANGUAGE_CODES =
  'af am ar az be bg bm bn bs ca cs cy da de dv el en es et eu fa ff fi fil fr ga gl gu ha he hi hr ht hu hy id ig is it ja ka kk km kn ko ku ky lb ln lo lt lv mg mk ml mn mr ms mt my ne nl no ny om pa pl ps pt qu ro ru rw sd si sk sl sm sn so sq sr st sv sw ta te tg th ti tk tl tn tr ts tw uk ur uz vi wo xh yo zh zu'.split(
    ' ',
  );

function languageNames(): string[] {
  return LANGS.flatMap((lang) => {
    const dn = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' });
    return LANGUAGE_CODES.map((c) => dn.of(c) ?? '').filter(Boolean);
  });
}

function calendarNames(): string[] {
  const out: string[] = [];
  // One formatter per language and style: creating one is far dearer than using it.
  for (const lang of LANGS) {
    for (const month of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) out.push(f.format(new Date(Date.UTC(2001, m, 15))));
    }
    for (const weekday of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(lang, { weekday, timeZone: 'UTC' });
      for (let day = 1; day <= 7; day++) out.push(f.format(new Date(Date.UTC(2001, 0, day))));
    }
  }
  return out.map((s) => s.replace(/\.$/, ''));
}

export function cldrNames(): CldrNames {
  return { regions: regionNames(), languages: languageNames(), calendar: calendarNames() };
}
