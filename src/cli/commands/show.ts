/** `screener show [FILE] [--format md|mermaid] [--lang CODE]`: the questionnaire for review. */
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { usageError } from '../../errors.js';
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
  const lang = opts.lang ?? q.languages[0]!;
  // A reviewer asking for a language the file lacks would silently read English.
  if (!q.languages.includes(lang)) {
    throw usageError(
      'E_UNKNOWN_LANGUAGE',
      `the questionnaire has no ${lang} texts (languages: ${q.languages.join(', ')})`,
    );
  }
  const text = opts.format === 'mermaid' ? renderMermaid(q, { lang }) : renderMarkdown(q, { lang });
  writeLine(ctx.stdout, text);
  return EXIT.ok;
}
