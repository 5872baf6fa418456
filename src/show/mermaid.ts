/**
 * The interview flow as a Mermaid flowchart: each section a subgraph, each question a
 * node, conditions in words on the edges ("otherwise" edges are dashed), and the rules
 * that end the interview as end nodes. Pure: returns the diagram's text.
 */
import type { Question, Questionnaire, Section } from '../questionnaire/types.js';
import { View, type ShowOptions } from './view.js';

/** Long texts make unreadable boxes; the Markdown view has them in full. */
const MAX_NODE_TEXT = 80;
const MAX_QUESTION_IN_EDGE = 50;
const MAX_EDGE_TEXT = 140;

interface Pending {
  readonly from: string;
  readonly label?: string;
  readonly dashed?: boolean;
}

/**
 * Text inside a quoted Mermaid label: quotes, angle brackets, pipes, backticks and
 * `#` itself become entity codes so no text can end the label or start markup.
 */
export function mermaidText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;');
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

export function renderMermaid(q: Questionnaire, opts: ShowOptions = {}): string {
  return new Diagram(new View(q, opts)).render();
}

class Diagram {
  private readonly lines: string[] = [];
  private junctions = 0;

  constructor(private readonly v: View) {}

  render(): string {
    const { v } = this;
    this.lines.push(`%% ${mermaidText(v.text(v.q.title))} (${v.q.id} ${v.q.version})`);
    this.lines.push('flowchart TD');
    this.lines.push(`  start(["${mermaidText(v.l.start)}"])`);
    let pending: Pending[] = [{ from: 'start' }];
    v.q.sections.forEach((s, i) => {
      this.section(s, i + 1);
      const id = sectionNode(s);
      if (s.when) {
        const src = this.merge(pending, '  ');
        this.edge(src, id, `${v.w.if} ${this.cond(s.when.source)}`, false, '  ');
        pending = [{ from: id }, { from: src, label: v.w.otherwise, dashed: true }];
      } else {
        for (const p of pending) this.edge(p.from, id, p.label, p.dashed, '  ');
        pending = [{ from: id }];
      }
    });
    this.lines.push(`  finish(["${mermaidText(v.l.end)}"])`);
    for (const p of pending) this.edge(p.from, 'finish', p.label, p.dashed, '  ');
    this.stops();
    this.classes();
    return this.lines.join('\n') + '\n';
  }

  private cond(source: string): string {
    return shorten(this.v.condition(source, MAX_QUESTION_IN_EDGE), MAX_EDGE_TEXT);
  }

  private edge(from: string, to: string, label?: string, dashed?: boolean, indent = '  '): void {
    const arrow = dashed ? '-.->' : '-->';
    const l = label ? `|"${mermaidText(label)}"|` : '';
    this.lines.push(`${indent}${from} ${arrow}${l} ${to}`);
  }

  /** Several ways into one point become one small junction, so edges do not multiply. */
  private merge(pending: readonly Pending[], indent: string): string {
    const only = pending[0];
    if (pending.length === 1 && only && !only.label) return only.from;
    const id = `j${++this.junctions}`;
    this.lines.push(`${indent}${id}(("·"))`);
    for (const p of pending) this.edge(p.from, id, p.label, p.dashed, indent);
    return id;
  }

  private section(s: Section, n: number): void {
    const { v } = this;
    const indent = '    ';
    this.lines.push(`  subgraph ${sectionNode(s)}["${mermaidText(`${n}. ${v.text(s.title)}`)}"]`);
    this.lines.push(`${indent}direction TB`);
    const questions = s.questionIds
      .map((id) => v.q.questionById.get(id))
      .filter((x): x is Question => x !== undefined);
    for (const question of questions) this.lines.push(`${indent}${this.node(question)}`);
    let pending: Pending[] = [];
    for (const block of blocks(questions)) {
      const first = block.questions[0]!;
      const last = block.questions[block.questions.length - 1]!;
      if (block.when) {
        const src = pending.length > 0 ? this.merge(pending, indent) : this.entry(s, indent);
        this.edge(src, questionNode(first), `${v.w.if} ${this.cond(block.when)}`, false, indent);
        pending = [{ from: questionNode(last) }, { from: src, label: v.w.otherwise, dashed: true }];
      } else {
        for (const p of pending) this.edge(p.from, questionNode(first), p.label, p.dashed, indent);
        pending = [{ from: questionNode(last) }];
      }
      for (let i = 1; i < block.questions.length; i++)
        this.edge(
          questionNode(block.questions[i - 1]!),
          questionNode(block.questions[i]!),
          undefined,
          false,
          indent,
        );
    }
    this.lines.push('  end');
  }

  /** A section that opens with a conditional question needs a point for the condition to start from. */
  private entry(s: Section, indent: string): string {
    const id = `${sectionNode(s)}_in`;
    this.lines.push(`${indent}${id}(("·"))`);
    return id;
  }

  private node(q: Question): string {
    const text = mermaidText(shorten(`${q.order + 1}. ${this.v.text(q.text)}`, MAX_NODE_TEXT));
    return q.type === 'info' ? `${questionNode(q)}[/"${text}"/]` : `${questionNode(q)}["${text}"]`;
  }

  /** Each rule that ends the interview, from the last question its condition reads. */
  private stops(): void {
    const { v } = this;
    for (const r of v.q.rules) {
      if (!r.stop) continue;
      const id = `stop_${r.id}`;
      const text = `⛔ ${v.l.ends(v.l.stopReasons[r.stop.reason])}`;
      this.lines.push(`  ${id}(["${mermaidText(text)}"])`);
      this.edge(lastRead(v.q, r.when.refs) ?? 'start', id, this.cond(r.when.source), true);
    }
  }

  private classes(): void {
    const { v } = this;
    const urgent = v.q.questions.filter((q) => q.choices.some((c) => c.urgent !== false));
    const raising = v.q.questions.filter(
      (q) => !urgent.includes(q) && q.choices.some((c) => c.raises.length > 0),
    );
    const stops = v.q.rules.filter((r) => r.stop).map((r) => `stop_${r.id}`);
    this.lines.push('  classDef urgent stroke:#b00020,stroke-width:3px');
    this.lines.push('  classDef raises stroke:#8a6d00,stroke-width:2px');
    this.lines.push('  classDef stop fill:#eeeeee,stroke:#555555');
    if (urgent.length) this.lines.push(`  class ${urgent.map(questionNode).join(',')} urgent`);
    if (raising.length) this.lines.push(`  class ${raising.map(questionNode).join(',')} raises`);
    if (stops.length) this.lines.push(`  class ${stops.join(',')} stop`);
  }
}

function sectionNode(s: Section): string {
  return `s_${s.id}`;
}

function questionNode(q: Question): string {
  return `q_${q.id}`;
}

/** Consecutive questions with the same condition are one branch of the flow. */
function blocks(questions: readonly Question[]): { when?: string; questions: Question[] }[] {
  const out: { when?: string; questions: Question[] }[] = [];
  for (const q of questions) {
    const when = q.when?.source;
    const prev = out[out.length - 1];
    if (prev && prev.when === when) prev.questions.push(q);
    else out.push({ ...(when !== undefined ? { when } : {}), questions: [q] });
  }
  return out;
}

function lastRead(q: Questionnaire, refs: readonly string[]): string | undefined {
  let best: Question | undefined;
  for (const id of refs) {
    const x = q.questionById.get(id);
    if (x && (!best || x.order > best.order)) best = x;
  }
  return best ? questionNode(best) : undefined;
}
