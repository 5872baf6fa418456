/**
 * The Markdown report (the default): readable as plain text in any editor, and safe
 * when rendered: text from the questionnaire or the notes cannot form links, HTML or
 * headings, because every kept piece is escaped and placeholders stand alone.
 */
import { plain as plainText, type SafeText } from './safe-text.js';
import { reportStrings, type ReportStrings } from './strings/index.js';
import { endedEarly, type EvidenceView, type QuestionAnswer, type RedactedReport } from './view.js';
import { REDACTION_KINDS } from './redaction/index.js';

/** Any character esc changes: most texts have none, and skip its four passes. */
const SPECIAL = /[\\*_`[\]|#~<>]/;

function esc(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s
    .replace(/\\/g, '\\\\')
    .replace(/([*_`[\]|#~])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A line break and the spaces around it as one space (without a break, nothing to do). */
function oneLine(s: string): string {
  return s.includes('\n') ? s.replace(/\s*\n\s*/g, ' ') : s;
}

/** An id or expression as inline code: nothing inside is interpreted. */
function code(s: string): string {
  return `\`${oneLine(s.replace(/`/g, "'"))}\``;
}

/** One line: new lines in notes become spaces (tables and list items are one line). */
function md(t: SafeText): string {
  let out = '';
  let afterPlaceholder = false;
  for (const p of t.pieces) {
    if (p.kind === 'redacted') {
      out += `[${p.as}]`;
      afterPlaceholder = true;
    } else {
      let e = esc(oneLine(p.text));
      // "[name](…)" would be a link: the bracket that follows a placeholder is escaped.
      if (afterPlaceholder && e.startsWith('(')) e = `\\${e}`;
      out += e;
      afterPlaceholder = false;
    }
  }
  return out;
}

/** A block of free text as a quote, keeping its line breaks. */
function mdBlock(t: SafeText): string {
  const lines: string[] = [''];
  let afterPlaceholder = false;
  for (const p of t.pieces) {
    if (p.kind === 'redacted') {
      lines[lines.length - 1] += `[${p.as}]`;
      afterPlaceholder = true;
      continue;
    }
    const parts = p.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push('');
      let e = esc(part);
      if (i === 0 && afterPlaceholder && e.startsWith('(')) e = `\\${e}`;
      lines[lines.length - 1] += e;
    });
    afterPlaceholder = false;
  }
  return lines.map((l) => `> ${l}`.trimEnd()).join('  \n');
}

function qaLine(x: QuestionAnswer<SafeText>): string {
  return `- ${md(x.questionText)}: **${md(x.answer)}**`;
}

function evidenceLine(s: ReportStrings, e: EvidenceView<SafeText>): string {
  switch (e.kind) {
    case 'answer':
      return `${s.answerEvidence(md(e.item.questionText))}: **${md(e.item.answer)}**`;
    case 'rule': {
      const reads = e.reads.map((r) => `${md(r.questionText)}: **${md(r.answer)}**`).join('; ');
      return `${s.ruleEvidence} ${code(e.rule)} (${code(plainText(e.condition))})${reads ? ` — ${reads}` : ''}`;
    }
  }
}

export function renderMarkdown(v: RedactedReport): string {
  const s = reportStrings(v.lang);
  const out: string[] = [];
  const para = (...lines: string[]) => out.push(...lines, '');
  const titleOf = (id: string) => {
    const d = v.dimensions.find((x) => x.id === id);
    return d ? md(d.title) : id;
  };

  para(`# ${esc(s.title)} — ${code(v.record.id)}`);
  if (v.record.mode !== 'real') para(`> **${esc(s.practiceBanner)}**`);
  if (v.full) para(`> **${esc(s.fullBanner)}**`);
  para(`**${esc(s.h.disclaimer)}:** ${md(v.disclaimer)}`);

  para(`## ${esc(s.h.record)}`);
  para(
    `| | |`,
    `|---|---|`,
    `| ${esc(s.field.recordId)} | ${code(v.record.id)} |`,
    `| ${esc(s.field.date)} | ${esc(v.record.date)} |`,
    `| ${esc(s.field.questionnaire)} | ${code(`${v.record.questionnaire.id} ${v.record.questionnaire.version}`)} |`,
    `| ${esc(s.field.interviewLanguage)} | ${esc(v.record.interviewLang)} |`,
    `| ${esc(s.field.reportLanguage)} | ${esc(v.lang)} |`,
    `| ${esc(s.field.mode)} | ${esc(s.modes[v.record.mode])} |`,
    `| ${esc(s.field.status)} | ${esc(s.statuses[v.record.status])} |`,
    `| ${esc(s.field.population)} | ${esc(s.populations[v.population.id])} |`,
  );
  if (v.record.questionnaire.changed) para(`*${esc(s.questionnaireChanged)}*`);
  if (v.record.stop) para(`*${md(v.record.stop)}*`);
  if (v.record.status === 'in_progress') para(`*${esc(s.incomplete)}*`);
  if (endedEarly(v.record.status)) para(`*${esc(s.endedEarly)}*`);

  para(`## ${esc(s.h.outcome)}: ${md(v.outcome.title)}`);
  para(code(v.outcome.id));
  para(`**${md(v.outcome.nextStep)}**`);
  para(md(v.outcome.explanation));
  para(
    md(v.population.explanation) +
      (v.population.evidence.length > 0
        ? ` (${v.population.evidence.map((e) => `${md(e.questionText)}: ${md(e.answer)}`).join('; ')})`
        : ''),
  );
  if (v.outcome.otherPopulation) para(md(v.outcome.otherPopulation));
  if (v.outcome.notes.length > 0) para(...v.outcome.notes.map((n) => `- ${md(n)}`));

  if (v.urgent.length > 0) para(`## ${esc(s.h.urgent)}`, ...v.urgent.map((u) => `- **${md(u)}**`));

  para(`## ${esc(s.h.flags)}`);
  if (v.flags.length === 0) para(esc(s.none));
  else para(...v.flags.map((f) => `- ${code(f.id)} — ${md(f.text)}`));

  para(`## ${esc(s.h.dimensions)}`);
  para(
    `| ${esc(s.field.dimension)} | ${esc(s.field.positive)} | ${esc(s.field.counts)} | ${esc(s.field.explanation)} |`,
    `|---|---|---|---|`,
    ...v.dimensions.map(
      (d) =>
        `| ${md(d.title)} | ${d.positive ? `**${esc(s.positiveWord)}**` : esc(s.notPositiveWord)} | ${d.counts.strong} / ${d.counts.medium} / ${d.counts.weak} | ${md(d.explanation)}${d.decidedByUnverified ? ` (${esc(s.unverifiedWeight)})` : ''} |`,
    ),
  );

  para(`## ${esc(s.h.indicators)}`);
  if (v.indicators.length === 0) para(esc(s.none));
  for (const i of v.indicators) {
    const strength =
      i.counted && i.strength ? s.strengths[i.strength] : s.notOnList(v.population.id);
    para(
      `### ${md(i.text)}`,
      '',
      `- ${code(i.id)} · ${esc(s.field.dimension)}: ${titleOf(i.dimension)} · ${esc(s.field.strength)}: ${esc(strength)}${i.verified ? '' : ` (${esc(s.unverifiedWeight)})`}`,
      ...i.evidence.map((e) => `- ${esc(s.field.evidence)}: ${evidenceLine(s, e)}`),
    );
  }

  para(`## ${esc(s.h.palermo)}`);
  para(
    `| ${esc(s.field.element)} | | ${esc(s.field.shownBy)} |`,
    `|---|---|---|`,
    ...v.palermo.elements.map(
      (e) =>
        `| ${esc(s.palermoElements[e.element])} | ${e.present ? `**${esc(s.palermoPresent)}**` : esc(s.palermoNotShown)} | ${e.dimensions.map(titleOf).join(', ')}${e.note ? md(e.note) : ''} |`,
    ),
  );
  para(md(v.palermo.rule));

  para(`## ${esc(s.h.referrals)}`);
  if (v.referrals.directory?.template) para(`> **${esc(s.templateContacts)}**`);
  if (v.referrals.items.length === 0) para(esc(s.noReferrals));
  for (const r of v.referrals.items) {
    para(`### ${md(r.title)}`);
    const lines = [
      ...r.reasons.map((x) => `- ${md(x)}`),
      `- ${esc(s.referralBecause(['\u0000'])).replace('\u0000', r.because.map(code).join(', '))}`,
    ];
    para(...lines);
    if (r.contacts !== undefined) {
      if (r.contacts.length === 0) para(`*${esc(s.noContacts)}*`);
      for (const c of r.contacts)
        para(
          `- **${esc(c.name)}** — ${esc(c.phone)}${c.email ? ` — ${esc(c.email)}` : ''}${c.hours ? ` — ${esc(c.hours)}` : ''}${c.languages.length ? ` — ${esc(c.languages.join(', '))}` : ''}`,
          ...(c.address ? [`  ${esc(c.address)}`] : []),
          ...(c.notes ? [`  ${esc(c.notes)}`] : []),
        );
    }
  }

  if (v.consent.answers.length > 0)
    para(`## ${esc(s.h.consent)}`, ...v.consent.answers.map(qaLine));
  if (v.details.length > 0) para(`## ${esc(s.h.details)}`, ...v.details.map(qaLine));
  if (v.person.length > 0 || v.withheld.length > 0) {
    para(`## ${esc(v.full ? s.h.personFull : s.h.person)}`, ...v.person.map(qaLine));
    if (v.withheld.length > 0)
      para(`${esc(s.field.withheld)}:`, '', ...v.withheld.map((w) => `- ${md(w)}`));
  }
  if (v.notes.length > 0) {
    para(`## ${esc(s.h.notes)}`);
    for (const n of v.notes) para(`**${md(n.questionText)}**`, '', mdBlock(n.answer));
  }

  para(`## ${esc(s.h.redactions)}`);
  // The placeholder the summary names is shown as it appears in the text: [name].
  para(
    esc(
      v.redactions.total > 0
        ? s.redactionSummary(v.redactions.total, v.redactions.passages)
        : s.noRedactions,
    ).replace(/\\\[([a-z_]+)\\\]/g, '[$1]'),
  );
  const kinds = REDACTION_KINDS.filter((k) => v.redactions.counts[k] > 0);
  if (kinds.length > 0)
    para(
      `| ${esc(s.field.kind)} | ${esc(s.field.count)} |`,
      `|---|---|`,
      ...kinds.map((k) => `| ${esc(s.redactionKinds[k])} | ${v.redactions.counts[k]} |`),
    );

  out.push('---', '', `*${md(v.disclaimer)}*`, '');
  return out.join('\n');
}
