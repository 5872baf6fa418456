/** `screener show [FILE] [--format md|mermaid] [--lang CODE]`: the questionnaire for review. */
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { requireQuestionnaireLanguage } from '../language.js';
import { requireQuestionnaire } from '../../questionnaire/load.js';
import { defaultQuestionnairePath } from '../../shipped.js';
import { renderMarkdown } from '../../show/markdown.js';
import { renderMermaid } from '../../show/mermaid.js';

interface Options {
  format?: 'md' | 'mermaid';
  lang?: string;
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [file, opts] = args as [string | undefined, Options];
  const q = requireQuestionnaire(file ?? defaultQuestionnairePath());
  // A reviewer asking for a language the file lacks would silently read English.
  requireQuestionnaireLanguage(q, opts.lang);
  const lang = opts.lang ?? q.languages[0]!;
  const text = opts.format === 'mermaid' ? renderMermaid(q, { lang }) : renderMarkdown(q, { lang });
  writeLine(ctx.stdout, text);
  return EXIT.ok;
}
