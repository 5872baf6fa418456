/**
 * The debrief as Markdown: the file a trainee takes away, and what the terminal shows
 * (it reads well as plain text too). Deterministic: no date, no record id, so two
 * runs with the same answers give the same file.
 */
import type { Debrief, IndicatorCheck, QuestionCheck } from './debrief.js';
import { debriefLabels, type DebriefLabels } from './labels.js';

/** A table cell: no line breaks, no column separators. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** A paragraph on one line (YAML folded and literal blocks alike). */
function flat(s: string): string {
  return s.trim().replace(/\s*\n\s*/g, ' ');
}

function quote(s: string): string {
  return s
    .trim()
    .split('\n')
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');
}

function header(d: Debrief, L: DebriefLabels): string[] {
  const age = typeof d.persona.age === 'number' ? `, ${d.persona.age}` : ` (${d.persona.age})`;
  return [
    `# ${L.speaker(L.title)} ${d.scenario.title}`,
    '',
    quote(L.banner),
    '',
    `- ${L.speaker(L.scenario)} \`${d.scenario.id}\``,
    `- ${L.speaker(L.persona)} ${d.persona.name} (${L.fictional})${age}`,
    `- ${L.speaker(L.questionnaire)} \`${d.questionnaire.id}\` ${d.questionnaire.version}`,
    `- ${L.speaker(L.mode)} ${d.mode === 'trainee' ? L.modeTrainee : L.modeDemo}`,
    '',
    ...(d.scenario.summary ? [flat(d.scenario.summary), ''] : []),
    `${L.speaker(L.background)} ${flat(d.persona.background)}`,
    '',
    ...(d.persona.presentation
      ? [`${L.speaker(L.presentation)} ${flat(d.persona.presentation)}`, '']
      : []),
    ...(d.setting ? [`${L.speaker(L.setting)} ${flat(d.setting)}`, ''] : []),
  ];
}

function score(d: Debrief, L: DebriefLabels): string[] {
  const s = d.score;
  const o = d.outcome;
  return [
    `## ${L.score}`,
    '',
    `- ${L.questionsRight(s.questions.right, s.questions.scored, s.questions.percent)}`,
    `- ${L.indicatorsFound(s.indicators.found, s.indicators.expected, s.indicators.extra)}`,
    `- ${L.outcomeLine(o.expected, o.reached, o.expected === o.reached)}`,
    '',
  ];
}

function outcome(d: Debrief, L: DebriefLabels): string[] {
  const o = d.outcome;
  const dims = (ids: readonly string[]) =>
    ids.length ? ids.map((x) => `\`${x}\``).join(', ') : L.none;
  // A demonstration reaches the expected result by construction: one column says it all.
  const rows: [string, string, string][] = [
    [L.outcome, cell(L.outcomes[o.expected]), cell(L.outcomes[o.reached])],
    [L.population, o.population.expected, o.population.reached],
    [L.positiveDimensions, dims(o.positive.expected), dims(o.positive.reached)],
  ];
  const table =
    d.mode === 'trainee'
      ? [
          `| | ${L.expected} | ${L.yours} |`,
          '|---|---|---|',
          ...rows.map((r) => `| ${r.join(' | ')} |`),
        ]
      : [`| | ${L.expected} |`, '|---|---|', ...rows.map((r) => `| ${r[0]} | ${r[1]} |`)];
  return [`## ${L.outcome}`, '', ...table, '', ...(o.stopped ? [L.stopped(o.stopped), ''] : [])];
}

function indicator(
  i: IndicatorCheck,
  side: 'missed' | 'extra' | 'found',
  L: DebriefLabels,
): string[] {
  const strength = i.strength ? L.strengths[i.strength] : L.notOnList;
  const weight = i.verified ? strength : `${strength}, ${L.unverified}`;
  const lines = [`- **${i.text}** (\`${i.id}\`) — ${i.dimensionTitle}, ${weight}.`];
  if (side !== 'found') {
    const from = i.evidence.map((e) => `\`${e}\``).join(', ');
    lines.push(`  ${L.speaker(side === 'missed' ? L.expectedFrom : L.raisedBy)} ${from}.`);
    lines.push(`  ${L.impact[side][i.impact](i.dimensionTitle)}`);
  }
  if (i.note) lines.push(`  ${flat(i.note)}`);
  return lines;
}

function indicators(d: Debrief, L: DebriefLabels): string[] {
  const out: string[] = [];
  const list = (
    title: string,
    items: readonly IndicatorCheck[],
    side: 'missed' | 'extra' | 'found',
    empty: string,
  ) => {
    out.push(`## ${title} (${items.length})`, '');
    if (items.length === 0) out.push(empty);
    for (const i of items) out.push(...indicator(i, side, L));
    out.push('');
  };
  if (d.mode === 'trainee') {
    list(L.missed, d.indicators.missed, 'missed', L.noneMissed);
    list(L.extra, d.indicators.extra, 'extra', L.noneExtra);
  }
  list(L.found, d.indicators.found, 'found', L.none);
  return out;
}

function table(d: Debrief, L: DebriefLabels): string[] {
  const trainee = d.mode === 'trainee';
  const out = trainee
    ? [`| # | ${L.question} | ${L.expected} | ${L.yours} | |`, '|---|---|---|---|---|']
    : [`| # | ${L.question} | ${L.coded.toLowerCase()} |`, '|---|---|---|'];
  d.questions.forEach((x, n) => {
    const exp = x.expected ? cell(x.expected.value) : '—';
    if (!trainee) out.push(`| ${n + 1} | \`${x.id}\` | ${exp} |`);
    else {
      const given = x.given ? cell(x.given.value) : '—';
      out.push(`| ${n + 1} | \`${x.id}\` | ${exp} | ${given} | ${L.verdict[x.verdict]} |`);
    }
  });
  return [...out, ''];
}

function answer(a: QuestionCheck['expected']): string {
  if (!a) return '—';
  return a.label === a.value ? `\`${a.value}\`` : `${a.label} (\`${a.value}\`)`;
}

/** The questions worth reading again: a reply, a teaching note, or a trainee's answer that was not right. */
function details(d: Debrief, L: DebriefLabels): string[] {
  const out: string[] = [];
  const trainee = d.mode === 'trainee';
  d.questions.forEach((x: QuestionCheck, n) => {
    const wrong = x.verdict === 'differs' || x.verdict === 'missing' || x.verdict === 'extra';
    if (trainee && !wrong && !x.teaching) return;
    if (!trainee && !x.says && !x.situation && !x.teaching) return;
    const mark = trainee ? ` ${L.verdict[x.verdict]}` : '';
    out.push(`### ${n + 1}. ${x.text} (\`${x.id}\`)${mark}`, '');
    if (x.says) out.push(L.speaker(L.says), '', quote(L.quoted(x.says.trim())), '');
    if (x.situation) out.push(`*${L.speaker(L.situation)} ${flat(x.situation)}*`, '');
    const exp = answer(x.expected);
    if (trainee)
      out.push(`- ${L.speaker(L.expected)} ${exp}`, `- ${L.speaker(L.yours)} ${answer(x.given)}`);
    else out.push(`- ${L.speaker(L.coded)} ${exp}`);
    if (x.teaching) out.push(`- ${L.speaker(L.teachingNote)} ${flat(x.teaching)}`);
    out.push('');
  });
  return out;
}

function teaching(d: Debrief, L: DebriefLabels): string[] {
  const t = d.teaching;
  const out = [`## ${L.teaching}`, ''];
  const block = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    out.push(`### ${title}`, '', ...items.map((s) => `- ${flat(s)}`), '');
  };
  block(L.notice, t.notice);
  block(L.avoid, t.avoid);
  block(L.pitfalls, t.pitfalls);
  return out.length > 2 ? out : [];
}

export function renderDebriefMarkdown(d: Debrief): string {
  const L = debriefLabels(d.lang);
  const heading = d.mode === 'trainee' ? L.byQuestion : L.walkthrough;
  const lines = [
    ...header(d, L),
    ...score(d, L),
    ...outcome(d, L),
    ...indicators(d, L),
    `## ${heading}`,
    '',
    ...table(d, L),
    `*${L.notScoredNote}*`,
    '',
    ...details(d, L),
    ...teaching(d, L),
  ];
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
