/**
 * Fictional people, numbers and places for the redaction corpus. Every person is
 * invented (common given names joined to common family names at random); phone
 * numbers and document numbers are generated; IBANs get a correct checksum so the
 * detector has to recognise them, nothing else. Nothing here describes a real person.
 */

export interface Person {
  readonly given: string;
  readonly family: string;
  /** Family name first (Vietnamese, Chinese order). */
  readonly familyFirst?: boolean;
  /** Non-Latin script: written whole. */
  readonly script?: boolean;
}

export const GIVEN_FAMILY: ReadonlyArray<
  readonly [readonly string[], readonly string[], boolean?]
> = [
  [
    ['Chiamaka', 'Ngozi', 'Blessing', 'Efosa', 'Osaro', 'Tunde', 'Adaeze', 'Osasere'],
    ['Okonkwo', 'Igbinedion', 'Osagie', 'Adeyemi', 'Ezeani', 'Obiora', 'Uwaifo'],
  ],
  [
    ['Elena', 'Ioana', 'Andreea', 'Ionuț', 'Mihai', 'Florin', 'Ștefania'],
    ['Popescu', 'Dumitrescu', 'Ionescu', 'Stănescu', 'Ciobanu', 'Munteanu'],
  ],
  [
    ['Oksana', 'Olena', 'Dmytro', 'Yuliia', 'Nataliia', 'Bohdan'],
    ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Melnyk', 'Tkachuk'],
  ],
  [
    ['Lan', 'Minh', 'Hoa', 'Tuan', 'Thuy'],
    ['Nguyen Thi', 'Tran Van', 'Pham Thi', 'Hoang Van'],
    true,
  ],
  [
    ['Somchai', 'Nattaya', 'Kanya', 'Arthit', 'Siriporn'],
    ['Wongsakul', 'Srisuk', 'Chaiyaporn', 'Thongchai'],
  ],
  [
    ['Maria Cristina', 'Jocelyn', 'Mark Anthony', 'Rowena', 'Jerome'],
    ['Santos', 'Dela Cruz', 'Bautista', 'Villanueva'],
  ],
  [
    ['María José', 'Juan Carlos', 'Guadalupe', 'Yesenia', 'Wilmer', 'Ximena'],
    ['Hernández', 'Pérez García', 'Ramírez', 'Quispe Mamani', 'Gutiérrez'],
  ],
  [
    ['Fatima Zahra', 'Youssef', 'Amina', 'Khadija', 'Hamza'],
    ['El Amrani', 'Benali', 'al-Rashid', 'Haddad', 'Bouazza'],
  ],
  [
    ['Aïssatou', 'Mamadou', 'Fatoumata', 'Ibrahima', 'Awa'],
    ['Diallo', 'Traoré', 'Ndiaye', 'Coulibaly', 'Konaté'],
  ],
  [
    ['Priya', 'Rohan', 'Sunita', 'Imran', 'Nasrin'],
    ['Sharma', 'Chowdhury', 'Begum', 'Thapa', 'Siddiqui'],
  ],
  [
    ['Siobhan', 'Dermot', 'Aoife'],
    ["O'Brien", 'McCarthy', 'Ní Bhriain'],
  ],
  [
    ['Jean-Baptiste', 'Marie-Claire', 'Kouassi'],
    ['Kouadio', "N'Guessan", 'Yao-Kouamé'],
  ],
];

/** Whole names in other scripts. */
export const SCRIPT_NAMES: readonly string[] = [
  '王小明',
  '李娜',
  '陈静',
  'Иван Петров',
  'Анна Смирнова',
  'Олена Коваль',
  'محمد علي',
  'فاطمة حسن',
  'ሰላም ተስፋዬ',
  'Νίκος Παπαδόπουλος',
  'สมชาย ใจดี',
  'राहुल वर्मा',
];

export type Lang = 'en' | 'fr' | 'es';

export interface PhoneCountry {
  readonly cc: string;
  /** National digits (with trunk 0 where the country uses one), grouped for writing. */
  readonly national: (r: () => number) => readonly string[];
  readonly trunk: boolean;
}

const d = (r: () => number, n: number) =>
  Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');

export const PHONES: Readonly<Record<string, PhoneCountry>> = {
  NG: { cc: '234', trunk: true, national: (r) => ['0803', d(r, 3), d(r, 4)] },
  RO: { cc: '40', trunk: true, national: (r) => ['0721', d(r, 3), d(r, 3)] },
  FR: { cc: '33', trunk: true, national: (r) => ['06', '39', '98', d(r, 2), d(r, 2)] },
  ES: { cc: '34', trunk: false, national: (r) => [`6${d(r, 2)}`, d(r, 3), d(r, 3)] },
  GB: { cc: '44', trunk: true, national: (r) => ['07700', `900${d(r, 3)}`] },
  UA: { cc: '380', trunk: true, national: (r) => ['067', d(r, 3), d(r, 4)] },
  TH: { cc: '66', trunk: true, national: (r) => ['081', d(r, 3), d(r, 4)] },
  PH: { cc: '63', trunk: true, national: (r) => ['0917', d(r, 3), d(r, 4)] },
  MX: { cc: '52', trunk: false, national: (r) => ['55', d(r, 4), d(r, 4)] },
  MA: { cc: '212', trunk: true, national: (r) => ['06', d(r, 2), d(r, 2), d(r, 2), d(r, 2)] },
  VN: { cc: '84', trunk: true, national: (r) => ['091', d(r, 3), d(r, 4)] },
  IT: { cc: '39', trunk: false, national: (r) => [`3${d(r, 2)}`, d(r, 3), d(r, 4)] },
  US: {
    cc: '1',
    trunk: false,
    national: (r) => [`(${['202', '312', '415'][Math.floor(r() * 3)]})`, `555-01${d(r, 2)}`],
  },
};

/** Ways a phone number is written: national, international, with odd separators. */
export function phoneFormats(c: PhoneCountry, groups: readonly string[]): string[] {
  const nat = groups.join(' ');
  const digits = groups.join('').replace(/\D/g, '');
  const sig = c.trunk ? digits.slice(1) : digits;
  const sigGroups = c.trunk ? [groups[0]!.replace(/^0/, ''), ...groups.slice(1)] : groups;
  const plain = (g: readonly string[]) => g.map((x) => x.replace(/[()-]/g, '')).join(' ');
  return [
    nat,
    groups.join('-').replace(/[()]/g, ''),
    groups.join('.').replace(/[()]/g, ''),
    digits,
    `+${c.cc} ${plain(sigGroups)}`,
    `+${c.cc}${sig}`,
    `00${c.cc} ${plain(sigGroups)}`,
    ...(c.trunk ? [`+${c.cc} (0)${plain(sigGroups)}`] : [`(+${c.cc}) ${plain(sigGroups)}`]),
  ];
}

export const IBAN_COUNTRIES: Readonly<Record<string, number>> = {
  FR: 23,
  ES: 20,
  GB: 18,
  DE: 18,
  IT: 23,
  RO: 20,
  NL: 14,
  BE: 12,
  PT: 21,
};

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const x of v) rem = (rem * 10 + Number(x)) % 97;
  }
  return rem;
}

/** A fictional IBAN with a valid check: BBAN of random digits (GB/NL/RO letters for the bank). */
export function makeIban(country: string, r: () => number): string {
  const len = IBAN_COUNTRIES[country] ?? 18;
  const letters = country === 'GB' || country === 'NL' || country === 'RO' ? 4 : 0;
  const bank = Array.from({ length: letters }, () =>
    String.fromCharCode(65 + Math.floor(r() * 26)),
  ).join('');
  const bban = bank + d(r, len - letters);
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

export function ibanFormats(compact: string): string[] {
  const grouped = compact.replace(/(.{4})/g, '$1 ').trim();
  return [
    grouped,
    compact,
    grouped.replace(/ /g, '-'),
    compact.toLowerCase(),
    grouped.toLowerCase(),
  ];
}

/** Document numbers in the shapes of several countries' passports and ID cards. */
export function makeDocument(r: () => number): string {
  const L = () => String.fromCharCode(65 + Math.floor(r() * 26));
  const shapes = [
    () => `${L()}${L()}${d(r, 7)}`,
    () => `${d(r, 2)}${L()}${L()}${d(r, 5)}`,
    () => `P${L()}${L()}${d(r, 6)}`,
    () => `X${d(r, 7)}${L()}`,
    () => `${d(r, 8)}${L()}`,
    () => `A${d(r, 8)}`,
    () => `${L()}${d(r, 8)}`,
    () => `${d(r, 9)}`,
  ];
  return shapes[Math.floor(r() * shapes.length)]!();
}

export function documentFormats(doc: string): string[] {
  const spaced = doc
    .replace(/^([A-Z]*)(\d{3})(\d{3})(\d*)([A-Z]?)$/, '$1 $2 $3 $4 $5')
    .replace(/\s+/g, ' ')
    .trim();
  return [doc, doc.toLowerCase(), spaced, doc.replace(/^([A-Z]+)/, '$1-'), doc.split('').join('')];
}

export const STREETS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'Elm Road',
    'Cedar Street',
    'Oak Lane',
    'Willow Close',
    'Station Road',
    'Mill Lane',
    'Victoria Street',
    'Albert Avenue',
  ],
  fr: [
    'rue des Peupliers',
    'avenue Victor Hugo',
    'chemin des Vignes',
    'rue de la Gare',
    'boulevard Gambetta',
    'impasse des Lilas',
    'allée des Tilleuls',
  ],
  es: [
    'Calle Mayor',
    'Avenida de la Paz',
    'Calle del Sol',
    'Paseo de las Acacias',
    'Calle Real',
    'Plaza de España',
    'Camino de los Olivos',
  ],
};

export const TOWNS: Readonly<Record<Lang, readonly (readonly [string, string])[]>> = {
  en: [
    ['Leeds', 'LS2 7EE'],
    ['Bristol', 'BS1 4DJ'],
    ['Leicester', 'LE1 5WW'],
    ['Luton', 'LU1 2HN'],
  ],
  fr: [
    ['Lyon', '69003'],
    ['Toulouse', '31000'],
    ['Calais', '62100'],
    ['Perpignan', '66000'],
  ],
  es: [
    ['Almería', '04001'],
    ['Murcia', '30001'],
    ['Huelva', '21001'],
    ['Zaragoza', '50001'],
  ],
};

export function makeAddress(lang: Lang, r: () => number): { full: string; short: string } {
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const street = pick(STREETS[lang]);
  const [town, code] = pick(TOWNS[lang]);
  const n = 1 + Math.floor(r() * 180);
  switch (lang) {
    case 'en': {
      const flat = r() < 0.3 ? `Flat ${1 + Math.floor(r() * 9)}, ` : '';
      return { full: `${flat}${n} ${street}, ${town} ${code}`, short: `${n} ${street}` };
    }
    case 'fr': {
      const bis = r() < 0.2 ? ' bis' : '';
      return { full: `${n}${bis} ${street}, ${code} ${town}`, short: `${n}${bis} ${street}` };
    }
    case 'es': {
      const floor =
        r() < 0.5 ? `, ${1 + Math.floor(r() * 6)}º ${pick(['A', 'B', 'C', 'izq.'])}` : '';
      return { full: `${street} ${n}${floor}, ${code} ${town}`, short: `${street} ${n}` };
    }
  }
}

export const MONTH_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const p2 = (n: number) => String(n).padStart(2, '0');

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** Every way a date is commonly written in the language (numeric orders, month names, 2-digit years). */
export function dateFormats({ y, m, d: day }: Ymd, lang: Lang): string[] {
  const mn = MONTH_NAMES[lang][m - 1]!;
  const short = mn.slice(0, 3);
  const common = [
    `${p2(day)}/${p2(m)}/${y}`,
    `${day}/${m}/${y}`,
    `${p2(day)}.${p2(m)}.${y}`,
    `${p2(day)}-${p2(m)}-${y}`,
    `${y}-${p2(m)}-${p2(day)}`,
    `${p2(day)}/${p2(m)}/${String(y).slice(2)}`,
  ];
  switch (lang) {
    case 'en':
      return [
        ...common,
        `${p2(m)}/${p2(day)}/${y}`,
        `${day} ${mn} ${y}`,
        `${mn} ${day}, ${y}`,
        `${ordinal(day)} of ${mn} ${y}`,
        `${day} ${short} ${y}`,
        `${p2(day)}-${short}-${String(y).slice(2)}`,
      ];
    case 'fr': {
      const abbr = [
        'janv.',
        'févr.',
        'mars',
        'avr.',
        'mai',
        'juin',
        'juil.',
        'août',
        'sept.',
        'oct.',
        'nov.',
        'déc.',
      ][m - 1]!;
      return [...common, `${day === 1 ? '1er' : day} ${mn} ${y}`, `${day} ${abbr} ${y}`];
    }
    case 'es':
      return [...common, `${day} de ${mn} de ${y}`, `${day} ${mn} ${y}`, `${day}-${short}-${y}`];
  }
}

export const COUNTRIES: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'Nigeria',
    'Romania',
    'Italy',
    'Spain',
    'France',
    'Thailand',
    'the Philippines',
    'Mexico',
    'Morocco',
    'Ukraine',
    'Vietnam',
    'Libya',
    'Niger',
    'Guatemala',
    'Moldova',
    'Albania',
    'Côte d’Ivoire',
    'Bangladesh',
    'Nepal',
    'Eritrea',
  ],
  fr: [
    'Nigeria',
    'Roumanie',
    'Italie',
    'Espagne',
    'Thaïlande',
    'Philippines',
    'Mexique',
    'Maroc',
    'Ukraine',
    'Libye',
    'Niger',
    'Moldavie',
    'Albanie',
    "Côte d'Ivoire",
    'Guinée',
    'Mali',
    'Sénégal',
    'Belgique',
    'Algérie',
    'Cameroun',
  ],
  es: [
    'Nigeria',
    'Rumanía',
    'Italia',
    'España',
    'Tailandia',
    'Filipinas',
    'México',
    'Marruecos',
    'Ucrania',
    'Libia',
    'Guatemala',
    'Honduras',
    'Colombia',
    'Venezuela',
    'Paraguay',
    'Bolivia',
    'Perú',
    'Ecuador',
    'Francia',
    'Portugal',
  ],
};

export const CITIES: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'Lagos',
    'Benin City',
    'Bucharest',
    'Naples',
    'Bangkok',
    'Manila',
    'Tripoli',
    'Kyiv',
    'Casablanca',
    'Dhaka',
  ],
  fr: [
    'Lagos',
    'Bamako',
    'Abidjan',
    'Marseille',
    'Calais',
    'Conakry',
    'Agadez',
    'Tripoli',
    'Bucarest',
    'Dakar',
  ],
  es: [
    'Tapachula',
    'Ciudad Juárez',
    'Almería',
    'Murcia',
    'Bogotá',
    'Asunción',
    'Tegucigalpa',
    'Lima',
    'Madrid',
    'Valencia',
  ],
};

export const JOBS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'cleaner',
    'waitress',
    'farm worker',
    'domestic worker',
    'nail technician',
    'construction worker',
    'care worker',
    'kitchen porter',
    'fruit picker',
    'dancer',
  ],
  fr: [
    'femme de ménage',
    'serveuse',
    'ouvrier agricole',
    'aide-soignante',
    'manœuvre',
    'nounou',
    'plongeur',
    'coiffeuse',
    'cueilleur de fruits',
    'vendeuse',
  ],
  es: [
    'empleada doméstica',
    'camarera',
    'jornalero',
    'recolectora de fresas',
    'albañil',
    'cuidadora',
    'costurera',
    'lavaplatos',
    'vendedora ambulante',
    'niñera',
  ],
};

export const AMOUNTS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    '400 euros',
    '€1,200',
    '£450',
    '$2,500',
    '3,000 pounds',
    '300,000 naira',
    '12,000 baht',
    '50 000 FCFA',
    '2 000 dollars',
    '1,500,000 naira',
    '€ 35',
  ],
  fr: [
    '400 euros',
    '1 200 €',
    '1.500 €',
    '3 000 euros',
    '50 000 FCFA',
    '2 000 dollars',
    '800 €',
    '1 500 000 francs CFA',
    '35 euros par jour',
  ],
  es: [
    '400 euros',
    '1.200 €',
    '15 000 MXN',
    '3.000 dólares',
    '2.500 pesos',
    '800 euros al mes',
    '1.500.000 pesos',
    '35 euros',
  ],
};
