/**
 * The questionnaire as a Markdown document for a domain expert who does not read
 * YAML: the flow with conditions in words, what each answer raises (indicator,
 * dimension, strength per population), the rules, the indicator lists, the scoring
 * rule and the referrals. Pure: returns a string.
 */
import type { Choice, Question, Questionnaire, Rule, Section } from '../questionnaire/types.js';
import { View, type Raiser, type ShowOptions } from './view.js';

export type { ShowOptions } from './view.js';

export function renderMarkdown(q: Questionnaire, opts: ShowOptions = {}): string {
  const v = new View(q, opts);
  const out: string[] = [];
  out.push(`# ${md(v.text(q.title))}`, '');
  if (q.description) out.push(md(v.text(q.description)), '');
  out.push(
    `_${v.l.summary(q.id, q.version, q.languages.join(', '), v.l.counts(q.sections.length, q.questions.length, q.indicators.length))}_`,
    '',
  );
  const disclaimer = q.messages['disclaimer'];
  if (disclaimer) out.push(`> ${md(v.text(disclaimer))}`, '');
  out.push(v.l.howToRead, '');

  out.push(`## ${v.l.flow}`, '');
  q.sections.forEach((s, i) => out.push(...section(v, s, i + 1)));
  out.push(...rules(v));
  out.push(...indicators(v));
  out.push(...scoring(v));
  out.push(...referrals(v));
  out.push(...messages(v));
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

/** Markdown-significant characters in questionnaire texts are shown as written. */
function md(s: string): string {
  return s.replace(/([\\`*_<>[\]|])/g, '\\$1');
}

function section(v: View, s: Section, n: number): string[] {
  const out = [`### ${n}. ${md(v.text(s.title))}`, ''];
  if (s.kind !== 'interview') out.push(`_${v.l.kind}: ${v.w.kinds[s.kind]}_`, '');
  if (s.when) out.push(`**${v.l.sectionWhen}:** ${md(v.condition(s.when.source))}`, '');
  if (s.intro) out.push(md(v.text(s.intro)), '');
  for (const id of s.questionIds) {
    const question = v.q.questionById.get(id);
    if (question) out.push(...questionBlock(v, question), '');
  }
  return out;
}

function questionBlock(v: View, q: Question): string[] {
  const type = v.w.types[q.type];
  const optional = q.type !== 'info' && !q.required ? `, ${v.l.optional}` : '';
  const marker = `${q.order + 1}. `;
  // Nested lines must start under the item's text, which moves right after "9. ".
  const pad = ' '.repeat(marker.length);
  const out = [`${marker}**${md(v.text(q.text))}** — ${type}${optional} · \`${q.id}\``];
  const item = (s: string) => out.push(`${pad}- ${s}`);
  if (q.when) item(`**${v.l.askedWhen}:** ${md(v.condition(q.when.source))}`);
  if (q.help) item(`${v.l.help}: ${md(v.text(q.help))}`);
  if (q.identifying === 'direct') item(`🔒 ${v.l.direct}`);
  if (q.identifying === 'quasi') item(v.l.quasi);
  if (q.type !== 'info' && q.special.length === 0) item(v.l.mustAnswer);
  if (q.type === 'number' && (q.min !== undefined || q.max !== undefined))
    item(v.l.range(String(q.min ?? '…'), String(q.max ?? '…'), v.text(q.unit), q.integer));
  const shown = q.type === 'yesno' ? q.choices.filter(hasEffect) : q.choices;
  if (shown.length > 0) {
    item(`${v.l.answers}:`);
    for (const c of shown) out.push(`${pad}  - ${choiceLine(v, c)}`);
  }
  return out;
}

function hasEffect(c: Choice): boolean {
  return c.raises.length > 0 || c.urgent !== false || c.flags.length > 0;
}

function choiceLine(v: View, c: Choice): string {
  const parts = [md(v.text(c.text))];
  if (c.exclusive) parts[0] += ` (${v.l.exclusive})`;
  for (const id of c.raises) parts.push(`→ ${v.l.raises} ${indicatorRef(v, id)}`);
  if (c.urgent !== false) parts.push(`⚠ ${v.l.urgent}${urgentText(v, c.urgent)}`);
  if (c.flags.length > 0) parts.push(`${v.l.flags}: ${c.flags.map((f) => `\`${f}\``).join(', ')}`);
  return parts.join(' ');
}

function urgentText(v: View, u: Choice['urgent']): string {
  return u === true || u === false ? '' : `: “${md(v.text(u))}”`;
}

/** **Text** (Dimension; adult strong, child strong) */
function indicatorRef(v: View, id: string): string {
  const ind = v.q.indicatorById.get(id);
  if (!ind) return `\`${id}\``;
  const dim = v.dimensionTitle(ind.dimension);
  const strengths = (['adult', 'child'] as const)
    .map((p) => `${v.l.populationNames[p]}: ${v.strength(ind, p)}`)
    .join(', ');
  const unverified = ind.verified ? '' : `; ${v.l.unverified}`;
  return `**${md(v.text(ind.text))}** (${md(dim)}; ${strengths}${unverified})`;
}

function rules(v: View): string[] {
  if (v.q.rules.length === 0) return [];
  const out = [`## ${v.l.rules}`, '', v.l.rulesIntro, ''];
  for (const r of v.q.rules) out.push(`- ${ruleLine(v, r)}`);
  out.push('');
  return out;
}

function ruleLine(v: View, r: Rule): string {
  const effects: string[] = [];
  for (const id of r.raises) effects.push(`${v.l.raises} ${indicatorRef(v, id)}`);
  if (r.urgent !== false) effects.push(`⚠ ${v.l.urgent}${urgentText(v, r.urgent)}`);
  if (r.advisory) effects.push(`${v.l.advice}: “${md(v.text(r.advisory))}”`);
  if (r.stop)
    effects.push(`⛔ ${v.l.ends(v.l.stopReasons[r.stop.reason])}: “${md(v.text(r.stop.text))}”`);
  if (r.flags.length > 0)
    effects.push(`${v.l.flags}: ${r.flags.map((f) => `\`${f}\``).join(', ')}`);
  return `**${v.l.when}** ${md(v.condition(r.when.source))} → ${effects.join('; ')} · \`${r.id}\``;
}

function indicators(v: View): string[] {
  const out = [`## ${v.l.indicators}`, ''];
  for (const d of v.q.dimensions) {
    const list = v.q.indicators.filter((i) => i.dimension === d.id);
    out.push(`### ${md(v.text(d.title))} · \`${d.id}\``, '');
    if (d.palermo.length > 0) out.push(`_${v.l.palermo}: ${d.palermo.join(', ')}_`, '');
    // Sexual-exploitation items come from other lists: counting them in would hide
    // whether the labour list is complete.
    const main = list.filter((i) => i.exploitation !== 'sexual');
    const sexual = list.length - main.length;
    const counts = v.l.dimensionCount(
      main.length,
      v.strengthCounts(main, 'adult'),
      v.strengthCounts(main, 'child'),
    );
    out.push(sexual > 0 ? `${counts} ${v.l.sexualCount(sexual)}` : counts, '');
    out.push(
      `| ${v.l.indicator} | ${v.l.populationNames.adult} | ${v.l.populationNames.child} | ${v.l.raisedBy} |`,
      '|---|---|---|---|',
    );
    for (const ind of list) {
      const text = v.text(ind.text);
      const sexualNote =
        ind.exploitation === 'sexual' && !text.toLowerCase().includes(v.l.sexual.toLowerCase());
      const notes = [sexualNote ? v.l.sexual : '', ind.verified ? '' : v.l.unverified].filter(
        Boolean,
      );
      const name = `${md(text)}${notes.length ? ` (${notes.join('; ')})` : ''} · \`${ind.id}\``;
      const by = (v.raisers.get(ind.id) ?? []).map((r) => raiserText(v, r));
      out.push(
        `| ${name} | ${v.strength(ind, 'adult')} | ${v.strength(ind, 'child')} | ${by.length ? by.join('<br>') : v.l.nothingRaises} |`,
      );
    }
    out.push('');
  }
  return out;
}

function raiserText(v: View, r: Raiser): string {
  if (r.kind === 'choice')
    return `${md(v.w.quote(v.text(r.question.text)))} → ${md(v.w.quote(v.text(r.choice.text)))}`;
  return `${v.l.rule}: ${md(v.condition(r.rule.when.source))}`;
}

function scoring(v: View): string[] {
  const s = v.q.scoring;
  const out = [`## ${v.l.scoring}`, ''];
  const alternatives = s.dimensionRule.map((alt) => v.slotsText(alt));
  out.push(`${v.l.dimensionRule}: ${alternatives.join(`; ${v.l.or} `)}.`, '');
  for (const p of ['adult', 'child'] as const)
    out.push(
      `- ${v.l.combination(v.l.populations[p])}: ${md(v.combinationText(s.populations[p]))}.`,
    );
  out.push('');
  for (const o of ['indicators_met', 'indicators_partial', 'indicators_not_met'] as const)
    out.push(`- **${v.l.outcomes[o]}** (\`${o}\`): ${v.l.outcomeText[o]}.`);
  out.push('', `${v.l.childWhen}: ${md(v.condition(s.childWhen.source))}.`, '');
  if (s.possibleMinorWhen)
    out.push(`${v.l.possibleMinorWhen}: ${md(v.condition(s.possibleMinorWhen.source))}.`, '');
  return out;
}

function referrals(v: View): string[] {
  if (v.q.referrals.length === 0) return [];
  const out = [`## ${v.l.referrals}`, ''];
  for (const r of v.q.referrals) {
    const conds: string[] = [];
    if (r.ifOutcomes.length > 0)
      conds.push(v.l.ifOutcomes(r.ifOutcomes.map((o) => v.l.outcomes[o]).join(` ${v.w.or} `)));
    if (r.ifFlags.length > 0) conds.push(v.l.ifFlags(r.ifFlags.map((f) => `\`${f}\``).join(', ')));
    const when = conds.length > 0 ? conds.join(` ${v.w.and} `) : v.l.always;
    const reason = r.reason ? ` — ${md(v.text(r.reason))}` : '';
    out.push(`- **${v.l.categories[r.category]}** (${when})${reason}`);
  }
  out.push('');
  return out;
}

function messages(v: View): string[] {
  const entries = Object.entries(v.q.messages);
  if (entries.length === 0) return [];
  const out = [`## ${v.l.messages}`, ''];
  for (const [k, t] of entries) out.push(`- \`${k}\`: ${md(v.text(t))}`);
  out.push('');
  return out;
}
