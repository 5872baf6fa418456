/**
 * `screener show` renderings of the shipped questionnaire, checked for what a domain
 * reviewer must find in them, and a Mermaid diagram that is well-formed line by line.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, loadQuestionnaireText } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import { renderMarkdown } from '../../src/show/markdown.js';
import { mermaidText, renderMermaid } from '../../src/show/mermaid.js';

const ROOT = join(import.meta.dirname, '..', '..');
function shipped(name: string): Questionnaire {
  const q = loadQuestionnaire(join(ROOT, 'questionnaires', name)).questionnaire;
  if (!q) throw new Error(`${name} does not load`);
  return q;
}
const iom = shipped('iom-screening.yaml');
const example = shipped('example.yaml');

describe('Markdown for a reviewer', () => {
  const md = renderMarkdown(iom, { lang: 'en' });

  it('lists the sections in order with their questions, types and ids', () => {
    const headings = md.match(/^### \d+\. .*$/gm) ?? [];
    expect(headings.slice(0, 3)).toEqual([
      '### 1. Before the interview',
      '### 2. Safety and consent',
      '### 3. A. Interview details',
    ]);
    expect(md).toContain(
      '**Did the person leave their home area for this work or situation?** — one choice · `moved_from_home`',
    );
    expect(md).toContain('**What did the person have to do?** — several choices · `work_type`');
  });

  it('says in words when a section or question is asked', () => {
    expect(md).toContain(
      '**This section is asked only when:** “Did the person leave their home area for this work or situation?” is not “No, the person did not move”, or has no answer',
    );
    expect(md).toMatch(
      /\*\*Asked when:\*\* “The age is not known|\*\*Asked when:\*\* “Age, as stated or as you estimate it” has no answer/,
    );
  });

  it('shows which answer raises which indicator, with dimension and strength for adults and children', () => {
    expect(md).toContain(
      '- The person was taken by force or kidnapped → raises **Abduction, forced marriage, forced adoption or sale of the person** (Coercive recruitment; adult: medium, child: strong)',
    );
    expect(md).toMatch(
      /Lied about the law.*→ raises \*\*False information about the law or the authorities\*\* \(Recruitment by abuse of vulnerability; adult: medium, child: not on the list\)/,
    );
    expect(md).toContain(
      '(Exploitative conditions of work; adult: medium, child: medium; weight not verified)',
    );
  });

  it('marks identifying questions and questions that cannot be declined', () => {
    const name = md.slice(md.indexOf('`person_name`'), md.indexOf('`aliases`'));
    expect(name).toContain('🔒 Identifying (direct): never shown in a report or an export');
    const age = md.slice(md.indexOf('`age`'), md.indexOf('`age_basis`'));
    expect(age).toContain('Identifying in combination (quasi)');
    expect(age).toContain('From 0 to 120 years, whole numbers');
    const consent = md.slice(md.indexOf('`consent_given`'), md.indexOf('`consent_limits`'));
    expect(consent).toContain('Must be answered');
  });

  it('shows urgent answers with the message the screener will see', () => {
    expect(md).toContain('⚠ marks the interview urgent: “A child without a guardian.');
  });

  it('lists the rules, including the stops', () => {
    expect(md).toMatch(
      /\*\*When\*\* “Does the person agree to the interview\?” is “No” → ⛔ ends the interview \(no consent\)/,
    );
    expect(md).toContain(
      '→ raises **Excessive working days or hours** (Exploitative conditions of work; adult: strong, child: strong)',
    );
  });

  it("counts each dimension's indicators per population, as in the ILO lists", () => {
    expect(md).toContain('16 indicators. Adult: 14 medium, 2 weak. Child: 15 medium.');
    expect(md).toContain(
      '15 indicators. Adult: 4 strong, 10 medium, 1 weak. Child: 8 strong, 7 medium. Also 1 from the sexual-exploitation lists',
    );
    expect(md).toMatch(
      /\| Confiscation of documents · `confiscation_of_documents` \| strong \| strong \| “Who kept the person's identity or travel documents there\?” → “The employer/,
    );
  });

  it('states the scoring rule and the combinations in words', () => {
    expect(md).toContain(
      'A dimension is positive when the indicators found in it include at least: two strong; or one strong and one medium or weak; or three medium; or two medium and one weak.',
    );
    expect(md).toContain(
      'The combination is met for an adult when: at least one of “Deceptive recruitment (including transfer and transport)”, “Coercive recruitment” or “Recruitment by abuse of vulnerability”; and “Exploitative conditions of work”; and at least one of “Coercion at destination” or “Abuse of vulnerability at destination”.',
    );
    expect(md).toContain(
      'The person is scored as a child when: “Age, as stated or as you estimate it” is less than 18 or',
    );
  });

  it('lists the referrals and the report messages', () => {
    expect(md).toContain(
      '- **Child protection** (when any of these is flagged: `minor`, `possible_minor`',
    );
    expect(md).toContain(
      '- **Hotline** (when the outcome is indicators met or indicators partly present or indicators not met)',
    );
    expect(md).toContain('- `disclaimer`: A screening is not a legal identification.');
  });

  it('is written in French when asked', () => {
    const fr = renderMarkdown(iom, { lang: 'fr' });
    expect(fr).toContain("### 1. Avant l'entretien");
    expect(fr).toContain('## Indicateurs par dimension');
    expect(fr).toContain(
      '(Recrutement par la contrainte; adulte: moyen, enfant: fort)'.replace(/: /g, ': '),
    );
    expect(fr).not.toContain('Coercive recruitment');
  });

  it('shows the example questionnaire too, marking its `when` conditions in words', () => {
    const ex = renderMarkdown(example, { lang: 'en' });
    expect(ex).toContain(
      '**Asked when:** “Is the room private, with no companion of the person present?” is No',
    );
  });

  it('never lets a text break the Markdown structure', () => {
    const tricky = loadQuestionnaireText(
      'tricky.yaml',
      `id: tricky
version: '1'
title: A | B <script>
languages: [en]
sections:
  - id: s
    title: "*bold* _it_"
    questions:
      - { id: x, type: yesno, text: "Pipes | in [links](x) and \`code\`" }
dimensions: [{ id: d, title: D }]
indicators: [{ id: i, dimension: d, strength: strong, text: "a | b" }]
rules: [{ id: r, when: "answers.x == 'yes'", raises: [i] }]
scoring:
  dimension_rule: { any_of: [[strong, strong]] }
  populations: { adult: d, child: d }
  child_when: "answers.x == 'yes'"
`,
    ).questionnaire!;
    const out = renderMarkdown(tricky);
    expect(out).toContain('# A \\| B \\<script\\>');
    expect(out).toContain('**Pipes \\| in \\[links\\](x) and \\`code\\`**');
    const row = out.split('\n').find((l) => l.startsWith('| a'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
  });
});

/** Line-by-line check of the Mermaid subset the renderer writes. */
function checkMermaid(text: string): string[] {
  const problems: string[] = [];
  const lines = text.trimEnd().split('\n');
  const quoted = '"([^"]*)"';
  const id = '([A-Za-z][A-Za-z0-9_]*)';
  const node = new RegExp(
    `^\\s*${id}(\\[${quoted}\\]|\\(\\[${quoted}\\]\\)|\\[/${quoted}/\\]|\\(\\(${quoted}\\)\\))$`,
  );
  const edge = new RegExp(`^\\s*${id} (-->|-\\.->)(\\|${quoted}\\|)? ${id}$`);
  const defined = new Set<string>();
  const used: string[] = [];
  let depth = 0;
  if (lines.find((l) => !l.startsWith('%%')) !== 'flowchart TD')
    problems.push('does not start with flowchart TD');
  for (const [i, line] of lines.entries()) {
    let m: RegExpMatchArray | null;
    if (line.startsWith('%%') || line === 'flowchart TD' || /^\s*direction TB$/.test(line))
      continue;
    if ((m = line.match(new RegExp(`^\\s*subgraph ${id}\\[${quoted}\\]$`)))) {
      defined.add(m[1]!);
      depth++;
    } else if (/^\s*end$/.test(line)) depth--;
    else if ((m = line.match(node))) defined.add(m[1]!);
    else if ((m = line.match(edge))) used.push(m[1]!, m[5]!);
    else if (/^\s*classDef [a-z]+ [a-z0-9:#,-]+$/.test(line)) continue;
    else if ((m = line.match(/^\s*class ([A-Za-z0-9_,]+) [a-z]+$/))) used.push(...m[1]!.split(','));
    else problems.push(`line ${i + 1} is not valid: ${line}`);
    if (depth < 0) problems.push(`line ${i + 1}: end without subgraph`);
  }
  if (depth !== 0) problems.push('unbalanced subgraph/end');
  for (const u of used) if (!defined.has(u)) problems.push(`${u} is used but never defined`);
  return problems;
}

describe('Mermaid flow', () => {
  const mmd = renderMermaid(iom, { lang: 'en' });

  it('is a well-formed flowchart: every line valid, every node defined, subgraphs closed', () => {
    expect(checkMermaid(mmd)).toEqual([]);
    expect(checkMermaid(renderMermaid(example))).toEqual([]);
    expect(checkMermaid(renderMermaid(iom, { lang: 'fr' }))).toEqual([]);
  });

  it('draws each section as a box with its questions, in order', () => {
    expect(mmd).toContain('subgraph s_d_travel["7. D. The journey"]');
    expect(mmd).toContain('q_departure_date --> q_destination');
    expect(mmd).toContain('start --> s_preparation');
    expect(mmd).toMatch(/finish\(\["End of the interview"\]\)/);
  });

  it('labels conditional edges with the condition in words, and dashes the "otherwise" way', () => {
    expect(mmd).toContain(
      's_c_recruitment -->|"if “Did the person leave their home area for this wor…” is not “No, the person did not move”, or has no answer"| s_d_travel',
    );
    expect(mmd).toContain('s_c_recruitment -.->|"otherwise"| s_e_exploitation');
  });

  it('shows where the interview ends early', () => {
    expect(mmd).toContain('stop_no_consent(["⛔ ends the interview (no consent)"])');
    expect(mmd).toMatch(
      /q_consent_given -\.->\|"“Does the person agree to the interview\?” is “No”"\| stop_no_consent/,
    );
  });

  it('marks questions with urgent answers', () => {
    expect(mmd).toMatch(/class [a-z_,]*q_immediate_danger[a-z_,]* urgent/);
  });

  it('escapes quotes, brackets and pipes so no text can break a label', () => {
    expect(mermaidText('He said "go" <now> | #1 `x`')).toBe(
      'He said #quot;go#quot; #lt;now#gt; #124; #35;1 #96;x#96;',
    );
  });
});
