/**
 * ISO 3166-1 alpha-2 country codes grouped into world regions, after the UN M49
 * standard: the finest M49 grouping (intermediate region where there is one, such as
 * Western Africa, else sub-region) and the continent-level region above it. Kept as
 * data in the program so an export needs no network and no extra file; the grouping
 * is what nationality generalises to when k-anonymity needs it.
 */

/** Finest M49 grouping → its region → member codes. */
const GROUPS: readonly (readonly [subregion: string, region: string, codes: string])[] = [
  ['Northern Africa', 'Africa', 'DZ EG LY MA SD TN EH'],
  ['Eastern Africa', 'Africa', 'IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW'],
  ['Middle Africa', 'Africa', 'AO CM CF TD CG CD GQ GA ST'],
  ['Southern Africa', 'Africa', 'BW SZ LS NA ZA'],
  ['Western Africa', 'Africa', 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG'],
  [
    'Caribbean',
    'Americas',
    'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI',
  ],
  ['Central America', 'Americas', 'BZ CR SV GT HN MX NI PA'],
  ['South America', 'Americas', 'AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE'],
  ['Northern America', 'Americas', 'BM CA GL PM US'],
  ['Central Asia', 'Asia', 'KZ KG TJ TM UZ'],
  ['Eastern Asia', 'Asia', 'CN HK MO KP JP MN KR TW'],
  ['South-eastern Asia', 'Asia', 'BN KH ID LA MY MM PH SG TH TL VN'],
  ['Southern Asia', 'Asia', 'AF BD BT IN IR MV NP PK LK'],
  ['Western Asia', 'Asia', 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE'],
  ['Eastern Europe', 'Europe', 'BY BG CZ HU PL MD RO RU SK UA'],
  ['Northern Europe', 'Europe', 'AX DK EE FO FI GG IS IE IM LV LT NO SJ SE GB JE'],
  ['Southern Europe', 'Europe', 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK'],
  ['Western Europe', 'Europe', 'AT BE FR DE LI LU MC NL CH'],
  ['Australia and New Zealand', 'Oceania', 'AU CX CC HM NZ NF'],
  ['Melanesia', 'Oceania', 'FJ NC PG SB VU'],
  ['Micronesia', 'Oceania', 'GU KI MH FM NR MP PW UM'],
  ['Polynesia', 'Oceania', 'AS CK PF NU PN WS TK TO TV WF'],
  ['Antarctica', 'Antarctica', 'AQ'],
];

export interface CountryRegion {
  readonly subregion: string;
  readonly region: string;
}

const BY_CODE: ReadonlyMap<string, CountryRegion> = new Map(
  GROUPS.flatMap(([subregion, region, codes]) =>
    codes.split(' ').map((c) => [c, { subregion, region }] as const),
  ),
);

/** The upper-case alpha-2 code when `value` is one (any case), else undefined. */
export function countryCode(value: string): string | undefined {
  const upper = value.toUpperCase();
  return BY_CODE.has(upper) ? upper : undefined;
}

export function regionOf(code: string): CountryRegion | undefined {
  return BY_CODE.get(code);
}

export function isCountryCode(value: string): boolean {
  return countryCode(value) !== undefined;
}

/**
 * The country of an ISO 3166-2 subdivision code such as `NG-LA` (Lagos State), or
 * of a bare country code; undefined otherwise. Places generalise to their country.
 */
export function countryOfPlace(value: string): string | undefined {
  // `_` as well as `-`: choice values are snake_case, so `ng_la` stands for NG-LA.
  const m = /^([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,3})?$/.exec(value);
  return m ? countryCode(m[1]!) : undefined;
}

const REGION_OF_SUBREGION: ReadonlyMap<string, string> = new Map(
  GROUPS.map(([subregion, region]) => [subregion, region] as const),
);

/** The M49 region a sub-region belongs to (`Western Africa` → `Africa`). */
export function regionOfSubregion(subregion: string): string | undefined {
  return REGION_OF_SUBREGION.get(subregion);
}

/**
 * English short names (and a few common other names) → code, for questionnaires that
 * record nationality or a country as text (country-names.ts adds other languages and
 * nationalities). Only an exact match (ignoring case, accents and punctuation) is
 * recognised; anything else is not published, so a free-text answer can never pass
 * through, only a code from this closed list.
 */
const NAMES =
  'DZ Algeria|EG Egypt|LY Libya|MA Morocco|SD Sudan|TN Tunisia|EH Western Sahara|' +
  'IO British Indian Ocean Territory|BI Burundi|KM Comoros|DJ Djibouti|ER Eritrea|ET Ethiopia|' +
  'TF French Southern Territories|KE Kenya|MG Madagascar|MW Malawi|MU Mauritius|YT Mayotte|' +
  'MZ Mozambique|RE Reunion|RW Rwanda|SC Seychelles|SO Somalia|SS South Sudan|UG Uganda|' +
  'TZ Tanzania|TZ United Republic of Tanzania|ZM Zambia|ZW Zimbabwe|AO Angola|CM Cameroon|' +
  'CF Central African Republic|TD Chad|CG Congo|CG Republic of the Congo|CG Congo-Brazzaville|' +
  'CD Democratic Republic of the Congo|CD DR Congo|CD DRC|CD Congo-Kinshasa|GQ Equatorial Guinea|' +
  'GA Gabon|ST Sao Tome and Principe|BW Botswana|SZ Eswatini|SZ Swaziland|LS Lesotho|NA Namibia|' +
  'ZA South Africa|BJ Benin|BF Burkina Faso|CV Cabo Verde|CV Cape Verde|CI Cote d Ivoire|' +
  'CI Ivory Coast|GM Gambia|GM The Gambia|GH Ghana|GN Guinea|GW Guinea-Bissau|LR Liberia|ML Mali|' +
  'MR Mauritania|NE Niger|NG Nigeria|SH Saint Helena|SN Senegal|SL Sierra Leone|TG Togo|' +
  'AI Anguilla|AG Antigua and Barbuda|AW Aruba|BS Bahamas|BS The Bahamas|BB Barbados|' +
  'BQ Bonaire, Sint Eustatius and Saba|VG British Virgin Islands|KY Cayman Islands|CU Cuba|' +
  'CW Curacao|DM Dominica|DO Dominican Republic|GD Grenada|GP Guadeloupe|HT Haiti|JM Jamaica|' +
  'MQ Martinique|MS Montserrat|PR Puerto Rico|BL Saint Barthelemy|KN Saint Kitts and Nevis|' +
  'LC Saint Lucia|MF Saint Martin|VC Saint Vincent and the Grenadines|SX Sint Maarten|' +
  'TT Trinidad and Tobago|TC Turks and Caicos Islands|VI United States Virgin Islands|BZ Belize|' +
  'CR Costa Rica|SV El Salvador|GT Guatemala|HN Honduras|MX Mexico|NI Nicaragua|PA Panama|' +
  'AR Argentina|BO Bolivia|BV Bouvet Island|BR Brazil|CL Chile|CO Colombia|EC Ecuador|' +
  'FK Falkland Islands|GF French Guiana|GY Guyana|PY Paraguay|PE Peru|' +
  'GS South Georgia and the South Sandwich Islands|SR Suriname|UY Uruguay|VE Venezuela|' +
  'BM Bermuda|CA Canada|GL Greenland|PM Saint Pierre and Miquelon|US United States|' +
  'US United States of America|US USA|KZ Kazakhstan|KG Kyrgyzstan|TJ Tajikistan|' +
  'TM Turkmenistan|UZ Uzbekistan|CN China|HK Hong Kong|MO Macao|MO Macau|KP North Korea|JP Japan|' +
  'MN Mongolia|KR South Korea|TW Taiwan|BN Brunei|BN Brunei Darussalam|KH Cambodia|ID Indonesia|' +
  'LA Laos|LA Lao PDR|MY Malaysia|MM Myanmar|MM Burma|PH Philippines|SG Singapore|TH Thailand|' +
  'TL Timor-Leste|TL East Timor|VN Viet Nam|VN Vietnam|AF Afghanistan|BD Bangladesh|BT Bhutan|' +
  'IN India|IR Iran|MV Maldives|NP Nepal|PK Pakistan|LK Sri Lanka|AM Armenia|AZ Azerbaijan|' +
  'BH Bahrain|CY Cyprus|GE Georgia|IQ Iraq|IL Israel|JO Jordan|KW Kuwait|LB Lebanon|OM Oman|' +
  'QA Qatar|SA Saudi Arabia|PS Palestine|SY Syria|SY Syrian Arab Republic|TR Turkiye|TR Turkey|' +
  'AE United Arab Emirates|AE UAE|YE Yemen|BY Belarus|BG Bulgaria|CZ Czechia|CZ Czech Republic|' +
  'HU Hungary|PL Poland|MD Moldova|MD Republic of Moldova|RO Romania|RU Russia|' +
  'RU Russian Federation|SK Slovakia|UA Ukraine|AX Aland Islands|DK Denmark|EE Estonia|' +
  'FO Faroe Islands|FI Finland|GG Guernsey|IS Iceland|IE Ireland|IM Isle of Man|LV Latvia|' +
  'LT Lithuania|NO Norway|SJ Svalbard and Jan Mayen|SE Sweden|GB United Kingdom|GB UK|' +
  'GB Great Britain|JE Jersey|AL Albania|AD Andorra|BA Bosnia and Herzegovina|HR Croatia|' +
  'GI Gibraltar|GR Greece|VA Holy See|IT Italy|MT Malta|ME Montenegro|MK North Macedonia|' +
  'PT Portugal|SM San Marino|RS Serbia|SI Slovenia|ES Spain|XK Kosovo|AT Austria|BE Belgium|' +
  'FR France|DE Germany|LI Liechtenstein|LU Luxembourg|MC Monaco|NL Netherlands|' +
  'CH Switzerland|AU Australia|CX Christmas Island|CC Cocos (Keeling) Islands|' +
  'HM Heard Island and McDonald Islands|NZ New Zealand|NF Norfolk Island|FJ Fiji|' +
  'NC New Caledonia|PG Papua New Guinea|SB Solomon Islands|VU Vanuatu|GU Guam|KI Kiribati|' +
  'MH Marshall Islands|FM Micronesia|NR Nauru|MP Northern Mariana Islands|PW Palau|' +
  'UM United States Minor Outlying Islands|AS American Samoa|CK Cook Islands|' +
  'PF French Polynesia|NU Niue|PN Pitcairn|WS Samoa|TK Tokelau|TO Tonga|TV Tuvalu|' +
  'WF Wallis and Futuna|AQ Antarctica';

/** Lower case, no accents, punctuation as spaces: how names are compared. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let curated: ReadonlyMap<string, string> | undefined;

/**
 * The names above, normalised, → code: the project's own list, which wins over the
 * larger lists of country-names.ts where they differ.
 */
export function curatedCountryNames(): ReadonlyMap<string, string> {
  curated ??= new Map(
    NAMES.split('|').map((entry) => [normaliseName(entry.slice(3)), entry.slice(0, 2)] as const),
  );
  return curated;
}
