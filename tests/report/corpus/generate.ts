/**
 * The redaction corpus: fictional screener's notes in English, French and Spanish,
 * built from templates with planted identifiers (some also given in the record's
 * direct fields, written differently in the note) and planted ordinary words a
 * report needs (countries, cities, jobs, amounts, dates of events). Deterministic:
 * a seeded generator, so the figures are reproducible.
 */
import type { RedactionKind } from '../../../src/report/redaction/index.js';
import {
  AMOUNTS,
  CITIES,
  COUNTRIES,
  dateFormats,
  documentFormats,
  GIVEN_FAMILY,
  ibanFormats,
  JOBS,
  makeAddress,
  makeDocument,
  makeIban,
  phoneFormats,
  PHONES,
  SCRIPT_NAMES,
  IBAN_COUNTRIES,
  type Lang,
  type Ymd,
} from './pools.js';
import { mulberry32 } from '../../helpers/rng.js';

export { mulberry32 };

export type OrdinaryKind = 'country' | 'city' | 'job' | 'amount' | 'event_date';

export type Planted =
  | {
      readonly type: 'identifier';
      readonly kind: RedactionKind;
      readonly given: boolean;
      readonly text: string;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: 'ordinary';
      readonly kind: OrdinaryKind;
      readonly text: string;
      readonly start: number;
      readonly end: number;
    };

export interface DirectFields {
  readonly full_name: string;
  readonly recruiter_name: string;
  readonly phone: string;
  readonly passport_number: string;
  readonly date_of_birth: string;
  readonly address: string;
  readonly email: string;
  readonly iban?: string;
}

export interface CorpusNote {
  readonly id: number;
  readonly lang: Lang;
  readonly fields: DirectFields;
  readonly text: string;
  readonly planted: readonly Planted[];
}

type Slot =
  | 'P'
  | 'P_GIVEN'
  | 'R'
  | 'X'
  | 'PHONE'
  | 'PHONE2'
  | 'DOB'
  | 'DOB2'
  | 'DOC'
  | 'DOC2'
  | 'ADDR'
  | 'ADDR2'
  | 'EMAIL'
  | 'EMAIL2'
  | 'IBAN'
  | 'IBAN2'
  | 'COUNTRY'
  | 'CITY'
  | 'JOB'
  | 'AMOUNT'
  | 'EVENT';

/** Sentence templates; each group is one thing a note may say, in several wordings. */
const TEMPLATES: Readonly<Record<Lang, readonly (readonly string[])[]>> = {
  en: [
    [
      '{P} says she was recruited in {CITY} by {R}, who promised work as a {JOB} in {COUNTRY}.',
      '{P} was approached by {R} in {CITY} with an offer of work as a {JOB}.',
    ],
    [
      'She arrived in {COUNTRY} on {EVENT} and was told she owed {AMOUNT}.',
      'On {EVENT} she was moved to {COUNTRY}; the debt was then {AMOUNT}.',
    ],
    [
      'Her phone: {PHONE}.',
      'She can be reached on {PHONE} after 6 pm.',
      'Call back on {PHONE} only if she answers herself.',
    ],
    [
      'Date of birth {DOB}.',
      'She was born on {DOB} in {CITY}.',
      "{P_GIVEN}'s date of birth is {DOB}.",
      'She gave {DOB} as her birthday.',
    ],
    [
      '{R} kept her passport {DOC} from {EVENT}.',
      'Passport number {DOC}, now held by the employer.',
    ],
    ['She lived at {ADDR} with four other women.', 'Her last address was {ADDR}.'],
    [
      'Wages were paid into {IBAN}, an account opened by {R}.',
      'IBAN {IBAN} belongs to her, she says.',
    ],
    ['Her email is {EMAIL}.', 'She writes to {EMAIL} when she can.'],
    [
      'A driver called {X} brought them to {CITY}.',
      '{X} collected the money every Friday.',
      'Her friend {X} also worked there.',
    ],
    [
      "The recruiter's second number was {PHONE2}.",
      'A woman phoned from {PHONE2} to threaten her family.',
    ],
    ['Her daughter was born on {DOB2}.', 'Her younger brother (DOB {DOB2}) is still at home.'],
    [
      "The boss's ID card no. {DOC2} was on the contract.",
      'She saw a passport numbered {DOC2} in the office.',
    ],
    ['The workers were housed at {ADDR2}.', 'The farm office is at {ADDR2}.'],
    ['Money was sent to account {IBAN2}.', 'She was told to transfer {AMOUNT} to {IBAN2}.'],
    ['Messages came from {EMAIL2}.', 'The agency wrote from {EMAIL2}.'],
    [
      'In {COUNTRY}, she worked as a {JOB} for {AMOUNT} a month.',
      'She worked as a {JOB} in {CITY} for {AMOUNT}.',
    ],
    [
      'On {EVENT} she left the farm; she had been paid {AMOUNT} in total.',
      'She escaped on {EVENT} with the help of a neighbour.',
    ],
    ['{P_GIVEN} wants to go home to {COUNTRY}.', 'She does not want to return to {COUNTRY} yet.'],
  ],
  fr: [
    [
      '{P} dit avoir été recrutée à {CITY} par {R}, qui lui avait promis un emploi de {JOB} en {COUNTRY}.',
      '{P} a été approchée par {R} à {CITY} pour un travail de {JOB}.',
    ],
    [
      "Elle est arrivée en {COUNTRY} le {EVENT} et on lui a dit qu'elle devait {AMOUNT}.",
      'Le {EVENT}, elle a été emmenée en {COUNTRY} ; la dette était alors de {AMOUNT}.',
    ],
    [
      'Son téléphone : {PHONE}.',
      'Joignable au {PHONE} après 18 h.',
      "Rappeler au {PHONE} seulement si c'est elle qui répond.",
    ],
    [
      'Date de naissance : {DOB}.',
      'Née le {DOB} à {CITY}.',
      '{P_GIVEN} donne comme date de naissance le {DOB}.',
    ],
    [
      '{R} a gardé son passeport {DOC} depuis le {EVENT}.',
      "Passeport n° {DOC}, détenu par l'employeur.",
    ],
    ["Elle logeait au {ADDR} avec d'autres femmes.", 'Sa dernière adresse : {ADDR}.'],
    [
      'Le salaire était versé sur le compte {IBAN}, ouvert par {R}.',
      "L'IBAN {IBAN} est à son nom, dit-elle.",
    ],
    ['Son adresse électronique : {EMAIL}.', 'Elle écrit à {EMAIL} quand elle peut.'],
    [
      'Un chauffeur appelé {X} les a conduites à {CITY}.',
      "{X} venait chercher l'argent chaque vendredi.",
      'Son amie {X} travaillait aussi là-bas.',
    ],
    [
      'Le deuxième numéro du recruteur était le {PHONE2}.',
      'Une femme a appelé du {PHONE2} pour menacer sa famille.',
    ],
    [
      'Sa fille est née le {DOB2}.',
      'Son petit frère (date de naissance {DOB2}) est resté au pays.',
    ],
    [
      "La carte d'identité n° {DOC2} du patron figurait sur le contrat.",
      'Elle a vu un passeport numéro {DOC2} au bureau.',
    ],
    ['Les ouvriers étaient logés au {ADDR2}.', "Le bureau de l'exploitation se trouve au {ADDR2}."],
    [
      "L'argent partait sur le compte {IBAN2}.",
      'On lui a demandé de virer {AMOUNT} sur le {IBAN2}.',
    ],
    ['Les messages venaient de {EMAIL2}.', "L'agence écrivait depuis {EMAIL2}."],
    [
      'En {COUNTRY}, elle travaillait comme {JOB} pour {AMOUNT} par mois.',
      'Elle travaillait comme {JOB} à {CITY} pour {AMOUNT}.',
    ],
    [
      "Le {EVENT}, elle a quitté l'exploitation ; elle avait reçu {AMOUNT} en tout.",
      "Elle s'est enfuie le {EVENT} avec l'aide d'une voisine.",
    ],
    [
      '{P_GIVEN} veut rentrer en {COUNTRY}.',
      'Elle ne veut pas retourner en {COUNTRY} pour le moment.',
    ],
  ],
  es: [
    [
      '{P} cuenta que fue reclutada en {CITY} por {R}, que le prometió trabajo de {JOB} en {COUNTRY}.',
      '{P} fue contactada por {R} en {CITY} con una oferta de trabajo de {JOB}.',
    ],
    [
      'Llegó a {COUNTRY} el {EVENT} y le dijeron que debía {AMOUNT}.',
      'El {EVENT} la llevaron a {COUNTRY}; la deuda era entonces de {AMOUNT}.',
    ],
    [
      'Su teléfono: {PHONE}.',
      'Se la puede localizar en el {PHONE} después de las 18 h.',
      'Llamar al {PHONE} solo si contesta ella.',
    ],
    [
      'Fecha de nacimiento: {DOB}.',
      'Nacida el {DOB} en {CITY}.',
      '{P_GIVEN} dice que nació el {DOB}.',
    ],
    [
      '{R} se quedó con su pasaporte {DOC} desde el {EVENT}.',
      'Pasaporte n.º {DOC}, en poder del empleador.',
    ],
    ['Vivía en {ADDR} con otras mujeres.', 'Su última dirección: {ADDR}.'],
    [
      'El sueldo se ingresaba en la cuenta {IBAN}, abierta por {R}.',
      'El IBAN {IBAN} es suyo, dice.',
    ],
    ['Su correo: {EMAIL}.', 'Escribe a {EMAIL} cuando puede.'],
    [
      'Un conductor llamado {X} las llevó a {CITY}.',
      '{X} recogía el dinero cada viernes.',
      'Su amiga {X} también trabajaba allí.',
    ],
    [
      'El segundo número del reclutador era el {PHONE2}.',
      'Una mujer llamó desde el {PHONE2} para amenazar a su familia.',
    ],
    ['Su hija nació el {DOB2}.', 'Su hermano menor (fecha de nacimiento {DOB2}) sigue en casa.'],
    [
      'El DNI {DOC2} del jefe figuraba en el contrato.',
      'Vio un pasaporte número {DOC2} en la oficina.',
    ],
    ['Los trabajadores vivían en {ADDR2}.', 'La oficina de la finca está en {ADDR2}.'],
    [
      'El dinero se enviaba a la cuenta {IBAN2}.',
      'Le dijeron que transfiriera {AMOUNT} a la cuenta {IBAN2}.',
    ],
    ['Los mensajes llegaban desde {EMAIL2}.', 'La agencia escribía desde {EMAIL2}.'],
    [
      'En {COUNTRY} trabajaba de {JOB} por {AMOUNT} al mes.',
      'Trabajaba de {JOB} en {CITY} por {AMOUNT}.',
    ],
    [
      'El {EVENT} dejó la finca; le habían pagado {AMOUNT} en total.',
      'Escapó el {EVENT} con la ayuda de una vecina.',
    ],
    ['{P_GIVEN} quiere volver a {COUNTRY}.', 'No quiere volver a {COUNTRY} por ahora.'],
  ],
};

/** Template groups every note has; the others appear with some probability. */
const ALWAYS = new Set([0, 2, 3, 8]);

function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function personFromPool(
  r: () => number,
  pick: <T>(a: readonly T[]) => T,
): { full: string; given: string; variants: string[] } {
  if (r() < 0.15) {
    const full = pick(SCRIPT_NAMES);
    const first = full.split(' ')[0]!;
    return { full, given: first, variants: [full, first] };
  }
  const [givens, families, familyFirst] = pick(GIVEN_FAMILY);
  const given = pick(givens);
  const family = pick(families);
  const full = familyFirst ? `${family} ${given}` : `${given} ${family}`;
  // The word a note would use alone for the family name (not a particle such as "Van").
  const familyWord =
    family.split(' ').find((w) => !/^(?:van|thi|dela|de|el|al|ní)$/i.test(w)) ?? family;
  const variants = [
    full,
    given,
    familyWord,
    full.toUpperCase(),
    given.toLowerCase(),
    stripMarks(full),
    familyFirst ? full : `${family.toUpperCase()}, ${given}`,
    full.replace(/-/g, ' '),
  ];
  return { full, given, variants };
}

export function buildCorpus(count: number, seed = 20310517): CorpusNote[] {
  const r = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const langs: Lang[] = ['en', 'fr', 'es'];
  const notes: CorpusNote[] = [];

  for (let id = 0; id < count; id++) {
    const lang = langs[id % 3]!;
    const person = personFromPool(r, pick);
    const recruiter = personFromPool(r, pick);
    let other = personFromPool(r, pick);
    while (other.full === person.full || other.full === recruiter.full)
      other = personFromPool(r, pick);

    const pc = pick(Object.keys(PHONES));
    const phoneGroups = PHONES[pc]!.national(r);
    const phoneForms = phoneFormats(PHONES[pc]!, phoneGroups);
    const pc2 = pick(Object.keys(PHONES));
    const phone2Forms = phoneFormats(PHONES[pc2]!, PHONES[pc2]!.national(r));

    const dob: Ymd = {
      y: 1965 + Math.floor(r() * 44),
      m: 1 + Math.floor(r() * 12),
      d: 1 + Math.floor(r() * 28),
    };
    const dob2: Ymd = {
      y: 1965 + Math.floor(r() * 55),
      m: 1 + Math.floor(r() * 12),
      d: 1 + Math.floor(r() * 28),
    };
    const doc = makeDocument(r);
    const doc2 = makeDocument(r);
    const addr = makeAddress(lang, r);
    const addr2 = makeAddress(lang, r);
    const local = `${
      stripMarks(person.given)
        .toLowerCase()
        .replace(/[^a-z]/g, '') || 'contact'
    }.${Math.floor(r() * 90 + 10)}`;
    const email = `${local}@example.${pick(['org', 'com', 'net'])}`;
    const email2 = `agency.${Math.floor(r() * 900 + 100)}@mail.example.com`;
    const emailForms = (e: string) => {
      const [l, dom] = e.split('@') as [string, string];
      return [
        e,
        e.toUpperCase(),
        `${l} (at) ${dom.replace(/\./g, ' (dot) ')}`,
        `${l}[at]${dom}`,
        `${l} at ${dom.replace(/\./g, ' dot ')}`,
      ];
    };
    const withIban = r() < 0.6;
    const iban = makeIban(pick(Object.keys(IBAN_COUNTRIES)), r);
    const iban2 = makeIban(pick(Object.keys(IBAN_COUNTRIES)), r);

    const fields: DirectFields = {
      full_name: person.full,
      recruiter_name: recruiter.full,
      phone: phoneForms[4]!,
      passport_number: doc,
      date_of_birth: `${dob.y}-${String(dob.m).padStart(2, '0')}-${String(dob.d).padStart(2, '0')}`,
      address: addr.full,
      email,
      ...(withIban ? { iban: ibanFormats(iban)[0]! } : {}),
    };

    const slot = (s: Slot): { text: string; planted?: Omit<Planted, 'start' | 'end' | 'text'> } => {
      const id_ = (kind: RedactionKind, given: boolean) => ({
        type: 'identifier' as const,
        kind,
        given,
      });
      const ord = (kind: OrdinaryKind) => ({ type: 'ordinary' as const, kind });
      switch (s) {
        case 'P':
          return { text: pick(person.variants), planted: id_('name', true) };
        case 'P_GIVEN':
          return { text: person.given, planted: id_('name', true) };
        case 'R':
          return { text: pick(recruiter.variants), planted: id_('name', true) };
        case 'X':
          return { text: r() < 0.5 ? other.full : other.given, planted: id_('name', false) };
        case 'PHONE':
          return { text: pick(phoneForms), planted: id_('phone', true) };
        case 'PHONE2':
          return { text: pick(phone2Forms), planted: id_('phone', false) };
        case 'DOB':
          return { text: pick(dateFormats(dob, lang)), planted: id_('date_of_birth', true) };
        case 'DOB2':
          return { text: pick(dateFormats(dob2, lang)), planted: id_('date_of_birth', false) };
        case 'DOC':
          return { text: pick(documentFormats(doc)), planted: id_('id_number', true) };
        case 'DOC2':
          return { text: doc2, planted: id_('id_number', false) };
        case 'ADDR':
          return { text: r() < 0.5 ? addr.full : addr.short, planted: id_('address', true) };
        case 'ADDR2':
          return { text: r() < 0.5 ? addr2.full : addr2.short, planted: id_('address', false) };
        case 'EMAIL':
          return { text: pick(emailForms(email)), planted: id_('email', true) };
        case 'EMAIL2':
          return { text: pick(emailForms(email2)), planted: id_('email', false) };
        case 'IBAN':
          return withIban
            ? { text: pick(ibanFormats(iban)), planted: id_('iban', true) }
            : { text: pick(ibanFormats(iban2)), planted: id_('iban', false) };
        case 'IBAN2':
          return { text: pick(ibanFormats(iban2)), planted: id_('iban', false) };
        case 'COUNTRY':
          return { text: pick(COUNTRIES[lang]), planted: ord('country') };
        case 'CITY':
          return { text: pick(CITIES[lang]), planted: ord('city') };
        case 'JOB':
          return { text: pick(JOBS[lang]), planted: ord('job') };
        case 'AMOUNT':
          return { text: pick(AMOUNTS[lang]), planted: ord('amount') };
        case 'EVENT': {
          const ev: Ymd = {
            y: 2015 + Math.floor(r() * 9),
            m: 1 + Math.floor(r() * 12),
            d: 1 + Math.floor(r() * 28),
          };
          // Month-name and ISO forms: the ways a screener writes an event date.
          const forms = dateFormats(ev, lang).filter((f) => !/^\d{2}\/\d{2}\/\d{2}$/.test(f));
          return { text: pick(forms), planted: ord('event_date') };
        }
      }
    };

    let text = '';
    const planted: Planted[] = [];
    const groups = TEMPLATES[lang];
    const order = groups.map((_, i) => i).filter((i) => ALWAYS.has(i) || r() < 0.55);
    for (const gi of order) {
      const template = pick(groups[gi]!);
      const sentence = text === '' ? '' : r() < 0.2 ? '\n' : ' ';
      text += sentence;
      let rest = template;
      for (let m = /\{([A-Z_0-9]+)\}/.exec(rest); m; m = /\{([A-Z_0-9]+)\}/.exec(rest)) {
        text += rest.slice(0, m.index);
        const filled = slot(m[1] as Slot);
        // A sentence starts with a capital.
        let t = filled.text;
        if (/(?:^|[.!?]\s|\n)$/.test(text) && filled.planted?.type === 'ordinary')
          t = t[0]!.toUpperCase() + t.slice(1);
        const start = text.length;
        text += t;
        if (filled.planted)
          planted.push({ ...filled.planted, text: t, start, end: start + t.length } as Planted);
        rest = rest.slice(m.index + m[0].length);
      }
      text += rest;
    }
    notes.push({ id, lang, fields, text, planted });
  }
  return notes;
}
