/** The report's own words in Spanish. */
import { en } from './en.js';
import { countsPhrase, listOr, NUM_ES, singleStrengths } from './phrases.js';
import type { ReportStrings } from './types.js';

export const es: ReportStrings = {
  ...en,
  lang: 'es',
  title: 'Informe de detección',
  practiceBanner: 'PRÁCTICA O ENSAYO — no es una entrevista real.',
  fullBanner:
    'INFORME INTERNO COMPLETO — edad, fechas y lugares no están generalizados. No lo comparta fuera de la organización.',
  incomplete:
    'La entrevista no ha terminado: esta evaluación solo cubre las respuestas dadas hasta ahora.',
  endedEarly:
    'La entrevista terminó antes de completarse: esta evaluación solo cubre las respuestas dadas, y es posible que nunca se preguntara por un indicador no encontrado.',
  stopped: 'La entrevista se detuvo',
  h: {
    record: 'Expediente',
    outcome: 'Resultado',
    dimensions: 'Dimensiones (indicadores OIT 2009)',
    indicators: 'Indicadores encontrados y sus pruebas',
    palermo: 'Lectura según el Protocolo de Palermo',
    flags: 'Alertas',
    urgent: 'Urgente',
    referrals: 'Derivaciones recomendadas',
    person: 'Sobre la persona (generalizado)',
    personFull: 'Sobre la persona (sin generalizar)',
    details: 'Datos de la entrevista',
    consent: 'Consentimiento',
    notes: 'Notas del entrevistador (censuradas)',
    redactions: 'Resumen de la censura',
    disclaimer: 'Importante',
  },
  field: {
    recordId: 'Identificador del expediente',
    date: 'Fecha',
    questionnaire: 'Cuestionario',
    interviewLanguage: 'Idioma de la entrevista',
    reportLanguage: 'Idioma del informe',
    mode: 'Modo',
    status: 'Estado',
    population: 'Evaluado como',
    dimension: 'Dimensión',
    positive: 'Positiva',
    counts: 'Fuerte / medio / débil',
    explanation: 'Por qué',
    indicator: 'Indicador',
    strength: 'Fuerza',
    evidence: 'Prueba',
    element: 'Elemento',
    shownBy: 'Mostrado por',
    contacts: 'Contactos',
    withheld: 'Respuestas identificativas retiradas de este informe',
    question: 'Pregunta',
    answer: 'Respuesta',
    kind: 'Tipo',
    count: 'Retirados',
  },
  yes: 'sí',
  no: 'no',
  dontKnow: 'no sabe',
  declined: 'prefirió no responder',
  notAnswered: 'sin respuesta',
  withheldValue: 'retirado (identificativo)',
  withheldFreeText: 'retirado (texto libre sobre la persona; solo en el informe interno completo)',
  modes: { real: 'entrevista real', practice: 'práctica', rehearsal: 'ensayo' },
  statuses: {
    in_progress: 'en curso',
    completed: 'terminada',
    stopped: 'detenida',
    abandoned: 'abandonada',
  },
  populations: { adult: 'adulto', child: 'niño o niña (menor de 18 años)' },
  strengths: { strong: 'fuerte', medium: 'medio', weak: 'débil' },
  outcomeTitle: {
    indicators_met: 'Los indicadores encontrados cumplen la combinación publicada',
    indicators_partial: 'Hay indicadores; no se cumple la combinación publicada',
    indicators_not_met: 'No se encontró ningún indicador',
  },
  nextStep: {
    indicators_met:
      'Siguiente paso: derivar a la persona para su identificación formal por la autoridad competente, con su consentimiento informado, y ofrecer asistencia ya.',
    indicators_partial:
      'Siguiente paso: seguir evaluando cuando sea seguro (lo que falta se indica abajo) y ofrecer la asistencia que la persona necesite.',
    indicators_not_met:
      'Siguiente paso: ofrecer cualquier otra asistencia que la persona necesite. Una detección no puede descartar la trata.',
  },
  positiveWord: 'positiva',
  notPositiveWord: 'no positiva',
  notOnList: (p) => `no figura en la lista de ${p === 'child' ? 'menores' : 'adultos'}: no cuenta`,
  unverifiedWeight: 'peso no verificado',
  answerEvidence: (q) => `respuesta a «${q}»`,
  ruleEvidence: 'regla',
  combinationNeeds: (p) =>
    `La combinación para ${p === 'child' ? 'menores' : 'adultos'} requiere dimensiones positivas: `,
  anyOf: (items) => (items.length === 1 ? items[0]! : `alguna de ${listOr(items, 'o')}`),
  carriedBy: (dims) => `Se cumple gracias a: ${dims.join(', ')}.`,
  missing: 'Falta: ',
  populationBasis: (p, pm) =>
    p === 'child'
      ? pm
        ? 'Evaluado con las listas de menores: la edad no está establecida y la persona podría ser menor de 18 años.'
        : 'Evaluado con las listas de menores: la persona es menor de 18 años.'
      : pm
        ? 'Evaluado con las listas de adultos, pero la edad no está establecida y la persona podría ser menor de 18 años.'
        : 'Evaluado con las listas de adultos.',
  otherPopulation: (p, o) =>
    `Con las listas de ${p === 'child' ? 'menores' : 'adultos'}, el resultado sería: ${o}.`,
  dimensionExplanation: (c, r) => {
    const head = `${c.strong} fuerte, ${c.medium} medio, ${c.weak} débil`;
    switch (r.kind) {
      case 'positive':
        return `${head}: positiva (${r.slots
          .map((s) =>
            listOr(
              s.map((x) => es.strengths[x]),
              'o',
            ),
          )
          .join(' + ')}).`;
      case 'addition': {
        if (r.size === 1) {
          const s = singleStrengths(r.options).map((x) => es.strengths[x]);
          const which = s.length === 3 ? 'de cualquier fuerza' : listOr(s, 'o');
          return `${head}: un indicador ${which} más la haría positiva.`;
        }
        const opts = r.options.map((o) => countsPhrase(o, es.strengths, 'y', NUM_ES));
        return `${head}: ${NUM_ES[r.size] ?? r.size} indicadores más la harían positiva (${listOr(opts, 'o')}).`;
      }
      case 'unreachable':
        return `${head}: ningún otro indicador de este cuestionario podría hacerla positiva.`;
    }
  },
  palermoElements: { act: 'Acto', means: 'Medios', purpose: 'Fin (explotación)' },
  palermoPresent: 'presente',
  palermoNotShown: 'no establecido',
  palermoIndicatorsOnly: (d) =>
    `algunos indicadores (${d.join(', ')}), insuficientes para una dimensión positiva`,
  palermoRule: (p, shown) =>
    p === 'child'
      ? `Para un menor bastan el acto y el fin; no se requieren medios. ${shown ? 'Ambos están establecidos.' : 'No están establecidos ambos.'}`
      : `Para un adulto se requieren acto, medios y fin. ${shown ? 'Los tres están establecidos.' : 'No están establecidos los tres.'}`,
  flagText: (id) =>
    ({
      urgent:
        'Se encontraron necesidades o riesgos urgentes: atender primero la seguridad y las necesidades médicas.',
      minor: 'Evaluado como menor de 18 años.',
      possible_minor: 'La edad no está establecida; la persona podría ser menor de 18 años.',
      consent_limited:
        'La persona limitó el uso de la información: respetar los límites indicados abajo.',
      verified_false_weights_used:
        'Un peso de indicador no verificado decidió una dimensión: resultado provisional.',
    })[id],
  referralCategory: {
    shelter: 'Alojamiento seguro',
    medical: 'Atención médica',
    legal: 'Asistencia jurídica',
    child_protection: 'Protección de menores',
    law_enforcement: 'Fuerzas del orden (solo con el consentimiento informado de la persona)',
    consular: 'Asistencia consular',
    hotline: 'Línea de ayuda',
    psychosocial: 'Apoyo psicosocial',
    labour_rights: 'Derechos laborales',
  },
  referralBecause: (b) => `Motivo: ${b.join(', ')}.`,
  noContacts: 'No hay contacto para esta categoría en el directorio de derivación.',
  templateContacts:
    'Estos contactos proceden del directorio de ejemplo incluido y son FICTICIOS: configure un directorio real.',
  noReferrals: 'El cuestionario no recomienda ninguna categoría de derivación.',
  redactionKinds: {
    name: 'nombres',
    phone: 'números de teléfono',
    email: 'correos electrónicos',
    iban: 'números de cuenta (IBAN)',
    id_number: 'números de documento o identidad',
    date_of_birth: 'fechas de nacimiento',
    address: 'direcciones',
  },
  redactionSummary: (total, passages) =>
    `Se retiraron ${total} dato${total === 1 ? '' : 's'} identificativo${total === 1 ? '' : 's'} de ${passages} pasaje${passages === 1 ? '' : 's'} de texto libre, cada uno sustituido por una marca como [name]. Los valores de los campos identificativos nunca aparecen en este informe.`,
  noRedactions:
    'No se retiró nada del texto libre. Los valores de los campos identificativos nunca aparecen en este informe.',
  disclaimer:
    'Una detección no es una identificación legal. Este informe muestra los indicadores encontrados y si cumplen una combinación publicada; la decisión corresponde a la autoridad competente.',
  noSingleIndicator:
    'Ningún indicador por sí solo prueba ni descarta la trata; lea el relato completo.',
  childRule:
    'Para un menor no se requiere ningún medio de coacción: bastan la captación y la explotación.',
  unverifiedNote:
    'Los indicadores marcados «peso no verificado» usan pesos no confirmados con las listas publicadas.',
  questionnaireChanged:
    'El archivo del cuestionario cambió desde la entrevista (mismo identificador y versión): la evaluación usa el archivo actual.',
  none: 'ninguno',
};
