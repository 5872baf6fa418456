/**
 * `screener keys init | change-passphrase | org-generate --out DIR | org-add KEY | status`
 *
 * Scripts: SCREENER_PASSPHRASE (current or first passphrase), SCREENER_NEW_PASSPHRASE
 * (change-passphrase), SCREENER_ORG_PASSPHRASE (the organisation private key).
 */
import { existsSync } from 'node:fs';
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { dataDirOf } from '../open-store.js';
import {
  chooseNewPassphrase,
  NEW_PASSPHRASE_ENV,
  ORG_PASSPHRASE_ENV,
  readPassphrase,
} from '../passphrase.js';
import { usageError } from '../../errors.js';
import {
  addOrgKey,
  changePassphrase,
  checkOrgKeyFolder,
  formatFingerprint,
  generateOrgKeyFiles,
  hasKeys,
  holdKeysChange,
  initKeys,
  keysStatus,
  layoutOf,
  MIN_PASSPHRASE_LENGTH,
  noKeysError,
  parseOrgPublicKey,
  readOrgPublicKeyFile,
  refuseIfKeysChanged,
  refuseWhileInterviewOpen,
  samePassphrase,
  scryptParamsFromEnv,
  unlockDataDir,
  type OrgPublicKey,
  type RecordProblem,
  type UnlockedKeys,
} from '../../store/index.js';

interface Options {
  out?: string;
  json?: boolean;
}

const ACTIONS = ['init', 'change-passphrase', 'org-generate', 'org-add', 'status'] as const;
type Action = (typeof ACTIONS)[number];

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [action, value, opts] = args as [string | undefined, string | undefined, Options];
  if (action === undefined || !(ACTIONS as readonly string[]).includes(action))
    throw usageError(
      'E_BAD_ACTION',
      action === undefined
        ? 'Which keys action? One of: ' + ACTIONS.join(', ') + '.'
        : `Unknown keys action "${action}". One of: ${ACTIONS.join(', ')}.`,
      ['Start with `screener keys init`.'],
    );
  switch (action as Action) {
    case 'init':
      return init(ctx);
    case 'change-passphrase':
      return change(ctx);
    case 'org-generate':
      return orgGenerate(ctx, opts.out);
    case 'org-add':
      return orgAdd(ctx, value);
    case 'status':
      return status(ctx, Boolean(opts.json));
  }
}

async function init(ctx: CliContext): Promise<number> {
  const dataDir = dataDirOf(ctx);
  if (await hasKeys(dataDir))
    throw usageError('E_KEYS_EXIST', `A passphrase is already set up in ${dataDir}.`, [
      'To change it: `screener keys change-passphrase`.',
    ]);
  const passphrase = await chooseNewPassphrase(ctx, {
    message: 'Choose a passphrase for this laptop:',
    minLength: MIN_PASSPHRASE_LENGTH,
  });
  await initKeys(dataDir, passphrase, scryptParamsFromEnv(ctx.env));
  writeLine(ctx.stderr, `Passphrase set up in ${dataDir}.`);
  writeLine(
    ctx.stderr,
    'Records are encrypted from the first answer. A forgotten passphrase cannot be recovered:\n' +
      'if your organisation uses a coordinator key, add it now with `screener keys org-add FILE`.',
  );
  return EXIT.ok;
}

async function change(ctx: CliContext): Promise<number> {
  const dataDir = dataDirOf(ctx);
  if (!(await hasKeys(dataDir))) throw noKeysError(dataDir);
  const action = 'change the passphrase';
  refuseWhileInterviewOpen(layoutOf(dataDir).recordsDir, action);
  const current = await readPassphrase(ctx, { message: 'Current passphrase:' });
  // Verified before the new one is asked for: a typo is caught at once.
  const unlocked = await unlockDataDir(dataDir, current);
  return whileChangingKeys(unlocked, action, async () => {
    const next = await chooseNewPassphrase(ctx, {
      env: NEW_PASSPHRASE_ENV,
      message: 'New passphrase:',
      minLength: MIN_PASSPHRASE_LENGTH,
    });
    if (samePassphrase(next, current))
      throw usageError(
        'E_SAME_PASSPHRASE',
        'The new passphrase is the same as the current one; nothing was changed.',
      );
    const report = await changePassphrase(unlocked, next, scryptParamsFromEnv(ctx.env));
    writeLine(
      ctx.stderr,
      `Passphrase changed. ${report.rewritten} record${report.rewritten === 1 ? '' : 's'} re-keyed (content checked, not re-encrypted).`,
    );
    return reportProblems(ctx, report.problems, 'The new passphrase is in use. ');
  });
}

async function orgGenerate(ctx: CliContext, out: string | undefined): Promise<number> {
  if (!out)
    throw usageError(
      'E_MISSING_OUT',
      '`keys org-generate` needs --out DIR: the folder for the key pair.',
    );
  await checkOrgKeyFolder(out);
  const passphrase = await chooseNewPassphrase(ctx, {
    env: ORG_PASSPHRASE_ENV,
    message: 'Choose a passphrase for the organisation private key:',
    minLength: MIN_PASSPHRASE_LENGTH,
  });
  const files = await generateOrgKeyFiles(out, passphrase, scryptParamsFromEnv(ctx.env));
  writeLine(ctx.stderr, `Public key:  ${files.publicFile}`);
  writeLine(ctx.stderr, `  give it to every laptop: screener keys org-add ${files.publicFile}`);
  writeLine(ctx.stderr, `Private key: ${files.privateFile}`);
  writeLine(
    ctx.stderr,
    '  keep it with the coordinator, offline and backed up: it opens every record wrapped to it.',
  );
  writeLine(ctx.stderr, `Fingerprint: ${formatFingerprint(files.fingerprint)}`);
  return EXIT.ok;
}

async function orgAdd(ctx: CliContext, value: string | undefined): Promise<number> {
  if (!value)
    throw usageError('E_MISSING_KEY', '`keys org-add` needs the organisation public key file.', [
      'The coordinator creates it with `screener keys org-generate --out DIR` (screener-org.pub).',
    ]);
  // A file, unless it is the key itself pasted (base64, or the .pub file's JSON): a
  // missing file is then said to be missing, not "not a key".
  const pasted = !existsSync(value) && /^\s*(\{|[A-Za-z0-9+/]{43}=\s*$)/.test(value);
  const org = pasted ? parseOrgPublicKey(value) : await readOrgPublicKeyFile(value);
  const dataDir = dataDirOf(ctx);
  if (!(await hasKeys(dataDir))) throw noKeysError(dataDir);
  const action = 'add an organisation key';
  refuseWhileInterviewOpen(layoutOf(dataDir).recordsDir, action);
  const passphrase = await readPassphrase(ctx, { message: 'Passphrase:' });
  const unlocked = await unlockDataDir(dataDir, passphrase);
  return whileChangingKeys(unlocked, action, () => orgAddHeld(ctx, unlocked, org));
}

async function orgAddHeld(
  ctx: CliContext,
  unlocked: UnlockedKeys,
  org: OrgPublicKey,
): Promise<number> {
  const before = unlocked.keys.org;
  if (before?.fingerprint === org.fingerprint && !unlocked.keys.rewrap) {
    writeLine(
      ctx.stderr,
      `Organisation key ${formatFingerprint(org.fingerprint)} is already added.`,
    );
    return EXIT.ok;
  }
  if (before && before.fingerprint !== org.fingerprint)
    writeLine(
      ctx.stderr,
      `Replacing organisation key ${formatFingerprint(before.fingerprint)}: from now on only the new key opens these records.`,
    );
  const report = await addOrgKey(unlocked, org);
  writeLine(
    ctx.stderr,
    `Organisation key added. Fingerprint: ${formatFingerprint(org.fingerprint)}`,
  );
  writeLine(ctx.stderr, 'Check this fingerprint with your coordinator (by phone or in person).');
  writeLine(
    ctx.stderr,
    `${report.rewritten} existing record${report.rewritten === 1 ? '' : 's'} can now also be opened with it.`,
  );
  return reportProblems(ctx, report.problems);
}

async function status(ctx: CliContext, json: boolean): Promise<number> {
  const s = await keysStatus(dataDirOf(ctx));
  if (json) {
    writeLine(ctx.stdout, JSON.stringify(s, null, 2));
    return EXIT.ok;
  }
  writeLine(ctx.stdout, `data folder:      ${s.dataDir}`);
  if (!s.initialised && s.records > 0) {
    writeLine(
      ctx.stdout,
      'passphrase:       key file (keys.json) MISSING: restore it from a backup; `keys init` would not open these records',
    );
  } else if (!s.initialised) {
    writeLine(ctx.stdout, 'passphrase:       not set up (run `screener keys init`)');
  } else {
    const k = s.kdf;
    writeLine(
      ctx.stdout,
      `passphrase:       set up ${s.createdAt ?? ''}${k ? ` (scrypt N=${k.N} r=${k.r} p=${k.p})` : ''}`,
    );
    writeLine(
      ctx.stdout,
      `organisation key: ${s.orgFingerprint ? formatFingerprint(s.orgFingerprint) : 'none'}`,
    );
  }
  writeLine(ctx.stdout, `records:          ${s.records}`);
  if (s.pending)
    writeLine(
      ctx.stdout,
      'pending:          an interrupted key change finishes the next time the passphrase is entered',
    );
  return EXIT.ok;
}

/** Each record that could not be re-keyed, once, and a count that says the change itself is done. */
function reportProblems(ctx: CliContext, problems: readonly RecordProblem[], done = ''): number {
  for (const p of problems)
    writeLine(ctx.stderr, `screener: ${p.id ?? p.file}: ${p.message} [${p.code}]`);
  if (problems.length === 0) return EXIT.ok;
  const one = problems.length === 1;
  writeLine(
    ctx.stderr,
    `${done}${problems.length} record${one ? '' : 's'} (${problems.map((p) => p.id ?? p.file).join(', ')}) could not be re-keyed and ${one ? 'was' : 'were'} left unchanged.`,
  );
  return EXIT.data;
}

/**
 * Re-keying rewrites every record's key slots, while an open interview keeps saving
 * its record with the slots it read at the start: the record would end up openable
 * only with keys the folder no longer has. So keys wait until no interview is open:
 * checked first, so that nobody types a passphrase for nothing, and again once the
 * passphrase is verified and the folder is held, from then to the last write, so that
 * no interview starts in between (session-lock.ts). Nothing is held before the
 * passphrase is verified: a wrong one changes no byte and no mtime.
 */
async function whileChangingKeys(
  unlocked: UnlockedKeys,
  action: string,
  work: () => Promise<number>,
): Promise<number> {
  const lock = holdKeysChange(unlocked.layout.recordsDir, action);
  try {
    // Another key change may have run to its end while the passphrase was typed.
    await refuseIfKeysChanged(unlocked);
    return await work();
  } finally {
    lock.release();
  }
}
