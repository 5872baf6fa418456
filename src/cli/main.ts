/**
 * The command table. This module is the bundle's entry: it must stay light, so it
 * imports only commander and loads each command's module when that command runs.
 */
import { Command, CommanderError, Option } from 'commander';
import type { CliContext } from './context.js';
import { keepMemoryOutOfCoreDumps } from './core-dumps.js';
import { EXIT } from './exit-codes.js';
import { commandOutput } from './fd-output.js';
import { watchedStderr, watchedStdout } from './output-errors.js';
import { reportFailure } from './report-failure.js';
import { isTerminal } from './terminal.js';
import { VERSION } from '../version.js';

type Action = (ctx: CliContext, args: readonly unknown[]) => Promise<number | void>;

interface Globals {
  dataDir?: string;
  color?: boolean;
}

function makeContext(program: Command): CliContext {
  const globals = program.opts<Globals>();
  const env = process.env;
  const noColor = globals.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  // Node builds process.stdout, stderr and stdin on first use, each a stream object of
  // its own kind (terminal, pipe, file): a few milliseconds apiece, before the first
  // question. So the streams are handed over when a command first uses them (written
  // to directly when they are files or pipes, fd-output.ts), and whether they are
  // terminals is asked of the file descriptors.
  let interactive: boolean | undefined;
  let stdout: NodeJS.WriteStream | undefined;
  let stderr: NodeJS.WriteStream | undefined;
  return {
    get stdout() {
      return (stdout ??= commandOutput(1, watchedStdout));
    },
    get stderr() {
      return (stderr ??= commandOutput(2, watchedStderr));
    },
    get stdin() {
      return process.stdin;
    },
    env,
    color: !noColor && isTerminal(2),
    dataDir: globals.dataDir,
    // Asked only by commands that may prompt: a scripted run never loads node:tty.
    get interactive() {
      return (interactive ??= isTerminal(0) && isTerminal(1));
    },
  };
}

/** Wraps a lazily loaded command so that every failure goes through reportFailure. */
function lazy(program: Command, load: () => Promise<{ run: Action }>) {
  return async (...args: unknown[]) => {
    // Before anything is decrypted or typed: no plaintext in a core dump (core-dumps.ts).
    keepMemoryOutOfCoreDumps();
    const ctx = makeContext(program);
    try {
      const mod = await load();
      // commander passes (...positionals, options, command); the command object is not ours to keep.
      const code = await mod.run(ctx, args.slice(0, -1));
      process.exitCode = typeof code === 'number' ? code : EXIT.ok;
    } catch (error) {
      process.exitCode = await reportFailure(ctx, error);
    }
  };
}

/** `--format` of the commands that write a report (run, report). */
function reportFormatOption(): Option {
  return new Option('--format <format>', 'report format')
    .choices(['md', 'json', 'html'])
    .default('md');
}

/**
 * The commands, each added to the program by its own function: a command line that
 * names one of them builds only that one (commander's objects for all eleven, with
 * their options, were a millisecond and a half of every start), anything else (no
 * command, help, a typo to suggest a correction for) builds them all.
 */
const COMMANDS: Record<string, (program: Command) => Command> = {
  interview: (program) =>
    program
      .command('interview')
      .description('run a screening interview in this terminal')
      .option(
        '-q, --questionnaire <file>',
        'questionnaire file (default: the shipped IOM screening)',
      )
      .option('--lang <code>', 'question language, e.g. en or fr')
      .option('--practice', 'practice run: nothing is written to the data folder')
      .action(lazy(program, () => import('./commands/interview.js'))),
  resume: (program) =>
    program
      .command('resume')
      .description('continue an interview that was paused or quick-exited')
      .argument('[id]', 'record id (default: the most recent one in progress)')
      .option('-q, --questionnaire <file>', 'questionnaire file, if not a shipped one')
      .action(lazy(program, () => import('./commands/resume.js'))),
  list: (program) =>
    program
      .command('list')
      .description('list stored interviews (ids, dates, status; never names)')
      .option('--json', 'print as JSON')
      .action(lazy(program, () => import('./commands/list.js'))),
  run: (program) =>
    program
      .command('run')
      .description('play an answers file through the interview and write the report')
      .requiredOption('-a, --answers <file>', 'answers file (YAML)')
      .option(
        '-q, --questionnaire <file>',
        'questionnaire file (default: the shipped IOM screening)',
      )
      .option('--lang <code>', 'question language')
      .option('--practice', 'practice run: nothing is written to the data folder')
      .option('--report <file>', 'write the report to this file')
      .addOption(reportFormatOption())
      .action(lazy(program, () => import('./commands/run.js'))),
  report: (program) =>
    program
      .command('report')
      .description('write the redacted report of a stored interview')
      .argument('<id>', 'record id')
      .addOption(reportFormatOption())
      .option('-o, --out <file>', 'write to this file instead of standard output')
      .option('--lang <code>', 'report language (default: the interview language)')
      .option('--review', 'review the free-text redactions before the report is written')
      .option('--full', 'full internal report: age, dates and places not generalised')
      .option('--audit', "print the record's audit log instead of the report")
      .addOption(
        new Option('--referrals <file>', 'referral directory for contacts').env(
          'SCREENER_REFERRALS',
        ),
      )
      .option('-q, --questionnaire <file>', 'questionnaire file the interview was made with')
      .addOption(
        new Option(
          '--phone-countries <codes>',
          'countries whose phone formats redaction searches, e.g. GB,FR,NG',
        ).env('SCREENER_PHONE_COUNTRIES'),
      )
      .action(lazy(program, () => import('./commands/report.js'))),
  validate: (program) =>
    program
      .command('validate')
      .description('check questionnaire and scenario files and point at every problem')
      .argument('[files...]', 'files to check (default: every shipped file)')
      .option('--json', 'print the diagnostics as JSON')
      .action(lazy(program, () => import('./commands/validate.js'))),
  show: (program) =>
    program
      .command('show')
      .description('render a questionnaire for review: sections, conditions, indicators, flow')
      .argument('[file]', 'questionnaire file (default: the shipped IOM screening)')
      .addOption(
        new Option('--format <format>', 'output format').choices(['md', 'mermaid']).default('md'),
      )
      .option('--lang <code>', 'language of the texts')
      .action(lazy(program, () => import('./commands/show.js'))),
  rehearse: (program) =>
    program
      .command('rehearse')
      .description('rehearse a fictional training scenario (never stored as real data)')
      .argument('<scenario>', 'scenario file or shipped scenario name')
      .option('--auto', 'play the expected coding and show the debrief (no terminal needed)')
      .option('--debrief <file>', 'save the debrief as Markdown')
      .option('--lang <code>', 'question language (default: the scenario’s)')
      .action(lazy(program, () => import('./commands/rehearse.js'))),
  export: (program) =>
    program
      .command('export')
      .description('export anonymised results of many records with a k-anonymity guarantee')
      .argument(
        '[paths...]',
        'record files or folders, searched for *.rec, links followed (default: the data folder)',
      )
      .requiredOption('-o, --out <file>', 'the dataset file to write (required)')
      .addOption(
        new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'),
      )
      .option('--k <n>', 'every quasi-identifier combination describes at least k records', '5')
      .option(
        '--key <file>',
        'organisation private key; its passphrase is asked, or taken from SCREENER_ORG_PASSPHRASE (default: the data folder, with SCREENER_PASSPHRASE)',
      )
      .option('--summary <file>', 'write aggregate counts and the guarantee as JSON')
      .option(
        '--secret-file <file>',
        'export secret for the pseudonyms (default: kept in the data folder, created on first export)',
      )
      .addOption(
        new Option('--profile <profile>', 'name columns after a data standard').choices(['htcds']),
      )
      .option(
        '--questionnaire <file>',
        'questionnaire the records were made with, if not a shipped one (repeatable)',
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      )
      .action(lazy(program, () => import('./commands/export.js'))),
  keys: (program) =>
    program
      .command('keys')
      .description('set up and manage the passphrase and the organisation key')
      .argument('[action]', 'init | change-passphrase | org-generate | org-add | status')
      .argument('[value]', 'argument of the action (public key file for org-add)')
      .option('--out <dir>', 'with org-generate: folder for the key pair')
      .option('--json', 'with status: print as JSON')
      .action(lazy(program, () => import('./commands/keys.js'))),
  delete: (program) =>
    program
      .command('delete')
      .description('delete a stored interview')
      .argument('<id>', 'record id')
      .option('-y, --yes', 'do not ask for confirmation on a terminal')
      .action(lazy(program, () => import('./commands/delete.js'))),
};

export function buildProgram(only?: string): Command {
  const program = new Command('screener');
  // Set before any subcommand exists: commander copies these settings into each one.
  program.exitOverride();
  program.configureOutput({
    writeErr: (s) => watchedStderr().write(s),
    writeOut: (s) => watchedStdout().write(s),
    outputError: (s, write) => write(usageLine(s)),
  });
  program
    .description(
      'Guided screening interviews for people who may have been trafficked:\n' +
        'a branching questionnaire, ILO indicator scoring and redacted reports.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(
      new Option('--data-dir <dir>', 'where records and keys are kept').env('SCREENER_HOME'),
    )
    .option('--no-color', 'plain output without colour (also NO_COLOR)')
    .showSuggestionAfterError(true)
    // A fixed width keeps the help identical in every terminal, so it can be precomputed.
    .configureHelp({ sortSubcommands: false, helpWidth: 100 })
    .addHelpText(
      'after',
      '\nExit codes: 0 ok · 1 unexpected failure · 2 usage · 3 invalid input file ·\n' +
        '4 data error (passphrase, key, damaged record) · 5 finished with records skipped · 130 interrupted\n' +
        'Scripts pass the passphrase in SCREENER_PASSPHRASE.',
    );

  for (const [name, add] of Object.entries(COMMANDS))
    if (only === undefined || only === name) add(program);

  return program;
}

/**
 * Commander's own errors (a missing required option, an unknown flag) in the form of
 * every other usage error: `screener: …` and a code, so scripts that look for the code
 * and people who look for the prefix find them too.
 */
export function usageLine(text: string): string {
  const [first = '', ...rest] = text.replace(/^error: /, '').split('\n');
  return [`screener: ${first} [E_USAGE]`, ...rest].join('\n');
}

/** Build step (scripts/post-build.mjs): checked JSON of the shipped questionnaires. */
export async function precompileShipped(outDir: string): Promise<string[]> {
  const { writePrecompiled } = await import('../questionnaire/precompile-shipped.js');
  return writePrecompiled(outDir);
}

/**
 * Build step (scripts/post-build.mjs): what reports take from this runtime's ICU data,
 * the redaction allow-list and the month-and-year forms (src/report/icu-precomputed.ts).
 */
export async function precompileReportData(outDir: string): Promise<string[]> {
  const { writeAllowList } = await import('../report/redaction/allow-list.js');
  const { writeMonthYearForms } = await import('../report/month-year.js');
  return [writeAllowList(outDir), writeMonthYearForms(outDir)];
}

/** The top-level help exactly as `screener --help` prints it. */
export function helpText(): string {
  const program = buildProgram();
  let text = '';
  program.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  try {
    program.parse(['node', 'screener', '--help']);
  } catch {
    // exitOverride turns the help's exit into an exception; the text is complete.
  }
  return text;
}

/**
 * The command the command line names: its first word that is neither an option nor the
 * value of --data-dir (the one option before the command that takes a separate value),
 * when it is one of COMMANDS. The same rule as bin/load-bundle.js's kindOf, which runs
 * before the bundle is loaded and so cannot share this.
 */
export function namedCommand(argv: readonly string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data-dir') i++;
    else if (!a.startsWith('-')) return Object.hasOwn(COMMANDS, a) ? a : undefined;
  }
  return undefined;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram(namedCommand(argv));
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error.
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
        error.code,
      );
      process.exitCode = ok || error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.exitCode = await reportFailure(makeContext(program), error);
  }
}
