/**
 * The HTML report: one self-contained file (inline CSS, no script, no font, image or
 * link to fetch; a Content-Security-Policy that forbids fetching anything), laid out to
 * print on A4. Every text is escaped; placeholders are marked so a reader sees at a
 * glance what was removed.
 */
import type { SafeText } from './safe-text.js';
import { reportStrings, type ReportStrings } from './strings/index.js';
import { endedEarly, type EvidenceView, type QuestionAnswer, type RedactedReport } from './view.js';
import { REDACTION_KINDS } from './redaction/index.js';

/** Any character esc changes: most texts have none, and skip its five passes. */
const SPECIAL = /[&<>"']/;

function esc(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function h(t: SafeText): string {
  return t.pieces
    .map((p) =>
      p.kind === 'text'
        ? esc(p.text)
        : `<span class="redacted" title="removed: ${p.as}">[${p.as}]</span>`,
    )
    .join('');
}

/** Free text with its line breaks. */
function block(t: SafeText): string {
  return h(t).replace(/\n/g, '<br>');
}

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { font-size: 10.5pt; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1b1b1b; line-height: 1.45; margin: 0 auto; max-width: 180mm; padding: 12mm 0; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h1 small { font-weight: normal; color: #555; font-size: 1rem; display: block; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #2d4a6b; color: #2d4a6b; padding-bottom: .15rem; margin: 1.4rem 0 .6rem; break-after: avoid; }
h3 { font-size: 1rem; margin: .9rem 0 .3rem; break-after: avoid; }
p { margin: .35rem 0; }
section { break-inside: auto; }
.notice { border: 1.5px solid #2d4a6b; background: #eef3f8; padding: .5rem .7rem; margin: .6rem 0; border-radius: 3px; break-inside: avoid; }
.banner { border: 2px solid #8a1c1c; color: #8a1c1c; font-weight: bold; padding: .4rem .7rem; margin: .5rem 0; }
.urgent { border: 2px solid #b3261e; background: #fdecea; padding: .5rem .7rem; margin: .6rem 0; break-inside: avoid; }
.urgent li { font-weight: bold; }
.outcome { border-left: 6px solid #2d4a6b; padding: .4rem .8rem; background: #f6f8fa; break-inside: avoid; }
.outcome.met { border-left-color: #8a1c1c; }
.outcome.partial { border-left-color: #b8860b; }
.outcome .title { font-size: 1.15rem; font-weight: bold; margin: 0; }
.outcome .id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85rem; color: #555; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .7rem; font-size: .95rem; }
th, td { border: 1px solid #c9d1da; padding: .25rem .45rem; vertical-align: top; text-align: left; }
th { background: #eef1f4; }
tr { break-inside: avoid; }
table.meta th { width: 35%; }
.yes { font-weight: bold; color: #1f5e2e; }
.no { color: #666; }
.muted { color: #555; font-size: .92rem; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .88em; background: #f1f3f5; padding: 0 .2em; border-radius: 2px; }
.indicator { border: 1px solid #d5dbe1; border-radius: 3px; padding: .35rem .6rem; margin: .45rem 0; break-inside: avoid; }
.indicator ul, .notice ul { margin: .2rem 0 .2rem 1.1rem; padding: 0; }
blockquote { margin: .3rem 0 .7rem; padding: .3rem .7rem; border-left: 3px solid #c9d1da; background: #fafbfc; break-inside: avoid; }
.redacted { background: #1b1b1b; color: #fff; padding: 0 .25em; border-radius: 2px; font-size: .9em; font-family: "DejaVu Sans Mono", Consolas, monospace; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
footer { margin-top: 1.5rem; border-top: 1px solid #c9d1da; padding-top: .4rem; font-size: .9rem; color: #333; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid-page; } }
`;

function qaRows(items: readonly QuestionAnswer<SafeText>[]): string {
  return `<table><tbody>${items
    .map((x) => `<tr><th scope="row">${h(x.questionText)}</th><td>${h(x.answer)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function evidenceItem(s: ReportStrings, e: EvidenceView<SafeText>): string {
  switch (e.kind) {
    case 'answer': {
      // The localised phrase with the question's (safe) text put in its place.
      const [before = '', after = ''] = s.answerEvidence('\u0000').split('\u0000');
      return `<li>${esc(before)}${h(e.item.questionText)}${esc(after)}: <strong>${h(e.item.answer)}</strong></li>`;
    }
    case 'rule': {
      const reads = e.reads
        .map((r) => `${h(r.questionText)}: <strong>${h(r.answer)}</strong>`)
        .join('; ');
      return `<li>${esc(s.ruleEvidence)} <code>${esc(e.rule)}</code> (<code>${h(e.condition)}</code>)${reads ? ` — ${reads}` : ''}</li>`;
    }
  }
}

export function renderHtml(v: RedactedReport): string {
  const s = reportStrings(v.lang);
  const titleOf = (id: string) => {
    const d = v.dimensions.find((x) => x.id === id);
    return d ? h(d.title) : esc(id);
  };
  const parts: string[] = [];
  const add = (x: string) => parts.push(x);

  add(`<header><h1>${esc(s.title)}<small>${esc(v.record.id)} · ${esc(v.record.date)}</small></h1>`);
  if (v.record.mode !== 'real') add(`<p class="banner">${esc(s.practiceBanner)}</p>`);
  if (v.full) add(`<p class="banner">${esc(s.fullBanner)}</p>`);
  add(`<p class="notice"><strong>${esc(s.h.disclaimer)}:</strong> ${h(v.disclaimer)}</p></header>`);

  add(`<section><h2>${esc(s.h.record)}</h2><table class="meta"><tbody>`);
  const meta: [string, string][] = [
    [s.field.recordId, esc(v.record.id)],
    [s.field.date, esc(v.record.date)],
    [
      s.field.questionnaire,
      `<code>${esc(v.record.questionnaire.id)} ${esc(v.record.questionnaire.version)}</code>`,
    ],
    [s.field.interviewLanguage, esc(v.record.interviewLang)],
    [s.field.reportLanguage, esc(v.lang)],
    [s.field.mode, esc(s.modes[v.record.mode])],
    [s.field.status, esc(s.statuses[v.record.status])],
    [s.field.population, esc(s.populations[v.population.id])],
  ];
  add(meta.map(([k, val]) => `<tr><th scope="row">${esc(k)}</th><td>${val}</td></tr>`).join(''));
  add(`</tbody></table>`);
  if (v.record.questionnaire.changed) add(`<p class="muted">${esc(s.questionnaireChanged)}</p>`);
  if (v.record.stop) add(`<p><em>${h(v.record.stop)}</em></p>`);
  if (v.record.status === 'in_progress') add(`<p><em>${esc(s.incomplete)}</em></p>`);
  if (endedEarly(v.record.status)) add(`<p><em>${esc(s.endedEarly)}</em></p>`);
  add(`</section>`);

  const outcomeClass =
    v.outcome.id === 'indicators_met'
      ? 'met'
      : v.outcome.id === 'indicators_partial'
        ? 'partial'
        : 'none';
  add(`<section><h2>${esc(s.h.outcome)}</h2><div class="outcome ${outcomeClass}">`);
  add(`<p class="title">${h(v.outcome.title)}</p><p class="id">${esc(v.outcome.id)}</p>`);
  add(`<p><strong>${h(v.outcome.nextStep)}</strong></p><p>${h(v.outcome.explanation)}</p>`);
  const popEvidence = v.population.evidence
    .map((e) => `${h(e.questionText)}: ${h(e.answer)}`)
    .join('; ');
  add(
    `<p>${h(v.population.explanation)}${popEvidence ? ` <span class="muted">(${popEvidence})</span>` : ''}</p>`,
  );
  if (v.outcome.otherPopulation) add(`<p>${h(v.outcome.otherPopulation)}</p>`);
  add(`</div>`);
  if (v.outcome.notes.length > 0)
    add(`<ul class="muted">${v.outcome.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>`);
  add(`</section>`);

  if (v.urgent.length > 0)
    add(
      `<section class="urgent"><h2>${esc(s.h.urgent)}</h2><ul>${v.urgent.map((u) => `<li>${h(u)}</li>`).join('')}</ul></section>`,
    );

  add(`<section><h2>${esc(s.h.flags)}</h2>`);
  add(
    v.flags.length === 0
      ? `<p class="muted">${esc(s.none)}</p>`
      : `<ul>${v.flags.map((f) => `<li><code>${esc(f.id)}</code> — ${h(f.text)}</li>`).join('')}</ul>`,
  );
  add(`</section>`);

  add(
    `<section><h2>${esc(s.h.dimensions)}</h2><table><thead><tr><th>${esc(s.field.dimension)}</th><th>${esc(s.field.positive)}</th><th>${esc(s.field.counts)}</th><th>${esc(s.field.explanation)}</th></tr></thead><tbody>`,
  );
  for (const d of v.dimensions)
    add(
      `<tr><td>${h(d.title)}</td><td class="${d.positive ? 'yes' : 'no'}">${esc(d.positive ? s.positiveWord : s.notPositiveWord)}</td><td>${d.counts.strong} / ${d.counts.medium} / ${d.counts.weak}</td><td>${h(d.explanation)}${d.decidedByUnverified ? ` <em>(${esc(s.unverifiedWeight)})</em>` : ''}</td></tr>`,
    );
  add(`</tbody></table></section>`);

  add(`<section><h2>${esc(s.h.indicators)}</h2>`);
  if (v.indicators.length === 0) add(`<p class="muted">${esc(s.none)}</p>`);
  for (const i of v.indicators) {
    const strength =
      i.counted && i.strength ? s.strengths[i.strength] : s.notOnList(v.population.id);
    add(
      `<div class="indicator"><h3>${h(i.text)}</h3><p class="muted"><code>${esc(i.id)}</code> · ${esc(s.field.dimension)}: ${titleOf(i.dimension)} · ${esc(s.field.strength)}: ${esc(strength)}${i.verified ? '' : ` (${esc(s.unverifiedWeight)})`}</p><ul>${i.evidence.map((e) => evidenceItem(s, e)).join('')}</ul></div>`,
    );
  }
  add(`</section>`);

  add(
    `<section><h2>${esc(s.h.palermo)}</h2><table><thead><tr><th>${esc(s.field.element)}</th><th></th><th>${esc(s.field.shownBy)}</th></tr></thead><tbody>`,
  );
  for (const e of v.palermo.elements)
    add(
      `<tr><td>${esc(s.palermoElements[e.element])}</td><td class="${e.present ? 'yes' : 'no'}">${esc(e.present ? s.palermoPresent : s.palermoNotShown)}</td><td>${e.dimensions.map(titleOf).join(', ')}${e.note ? h(e.note) : ''}</td></tr>`,
    );
  add(`</tbody></table><p>${h(v.palermo.rule)}</p></section>`);

  add(`<section><h2>${esc(s.h.referrals)}</h2>`);
  if (v.referrals.directory?.template) add(`<p class="banner">${esc(s.templateContacts)}</p>`);
  if (v.referrals.items.length === 0) add(`<p class="muted">${esc(s.noReferrals)}</p>`);
  for (const r of v.referrals.items) {
    add(
      `<div class="indicator"><h3>${h(r.title)}</h3><ul>${r.reasons.map((x) => `<li>${h(x)}</li>`).join('')}<li class="muted">${esc(s.referralBecause(r.because))}</li></ul>`,
    );
    if (r.contacts !== undefined) {
      if (r.contacts.length === 0) add(`<p class="muted">${esc(s.noContacts)}</p>`);
      else
        add(
          `<table><tbody>${r.contacts
            .map(
              (c) =>
                `<tr><th scope="row">${esc(c.name)}</th><td>${esc(c.phone)}${c.email ? `<br>${esc(c.email)}` : ''}${c.hours ? `<br>${esc(c.hours)}` : ''}${c.languages.length ? `<br>${esc(c.languages.join(', '))}` : ''}${c.address ? `<br>${esc(c.address)}` : ''}${c.notes ? `<br><span class="muted">${esc(c.notes)}</span>` : ''}</td></tr>`,
            )
            .join('')}</tbody></table>`,
        );
    }
    add(`</div>`);
  }
  add(`</section>`);

  if (v.consent.answers.length > 0)
    add(`<section><h2>${esc(s.h.consent)}</h2>${qaRows(v.consent.answers)}</section>`);
  if (v.details.length > 0)
    add(`<section><h2>${esc(s.h.details)}</h2>${qaRows(v.details)}</section>`);
  if (v.person.length > 0 || v.withheld.length > 0) {
    add(`<section><h2>${esc(v.full ? s.h.personFull : s.h.person)}</h2>`);
    if (v.person.length > 0) add(qaRows(v.person));
    if (v.withheld.length > 0)
      add(
        `<p>${esc(s.field.withheld)}:</p><ul>${v.withheld.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`,
      );
    add(`</section>`);
  }
  if (v.notes.length > 0) {
    add(`<section><h2>${esc(s.h.notes)}</h2>`);
    for (const n of v.notes)
      add(`<h3>${h(n.questionText)}</h3><blockquote>${block(n.answer)}</blockquote>`);
    add(`</section>`);
  }

  add(
    `<section><h2>${esc(s.h.redactions)}</h2><p>${esc(v.redactions.total > 0 ? s.redactionSummary(v.redactions.total, v.redactions.passages) : s.noRedactions)}</p>`,
  );
  const kinds = REDACTION_KINDS.filter((k) => v.redactions.counts[k] > 0);
  if (kinds.length > 0)
    add(
      `<table><thead><tr><th>${esc(s.field.kind)}</th><th>${esc(s.field.count)}</th></tr></thead><tbody>${kinds.map((k) => `<tr><td>${esc(s.redactionKinds[k])}</td><td>${v.redactions.counts[k]}</td></tr>`).join('')}</tbody></table>`,
    );
  add(`</section>`);
  add(`<footer>${h(v.disclaimer)}</footer>`);

  return `<!DOCTYPE html>
<html lang="${esc(v.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(s.title)} — ${esc(v.record.id)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
