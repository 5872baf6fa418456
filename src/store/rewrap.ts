/**
 * Brings every record's key slots in line with keys.json: one slot per wanted
 * passphrase slot and one for the organisation key, nothing else. Only headers
 * are rewritten (atomically, one file at a time); content is never re-encrypted.
 * Used by change-passphrase (both phases), org-add, and to finish either after a
 * crash. Every step is idempotent, so running it again after a kill is safe.
 */
import { parseOwnRecord, readdirRecordFiles, readRecordBytes } from './record-io.js';
import { openRecord, withHeader } from './record-file.js';
import { orgSlot, passphraseSlot, type KeySlot } from './key-slots.js';
import type { OpenSlot } from './key-file.js';
import type { OrgPublicKey } from './org-key.js';
import type { StoreFs } from './fs-layer.js';
import type { StoreLayout } from './paths.js';
import { writeFileAtomic } from './atomic-write.js';
import { toProblem, type RecordProblem } from './problems.js';
import { isScreenerError } from '../errors.js';

export interface WantedSlots {
  readonly passphrase: readonly OpenSlot[];
  readonly org: OrgPublicKey | undefined;
}

/** The slots a record should have: existing ones kept where wanted (no needless rewrite), missing ones made. */
export function reconcileSlots(
  existing: readonly KeySlot[],
  dataKey: Uint8Array,
  id: string,
  wanted: WantedSlots,
): { slots: KeySlot[]; changed: boolean } {
  const slots: KeySlot[] = [];
  for (const open of wanted.passphrase) {
    const have = existing.find((s) => s.type === 'passphrase' && s.key === open.slot.id);
    slots.push(have ?? passphraseSlot(dataKey, id, open));
  }
  if (wanted.org) {
    const fp = wanted.org.fingerprint;
    const have = existing.find((s) => s.type === 'org' && s.key === fp);
    slots.push(have ?? orgSlot(dataKey, id, wanted.org, wanted.passphrase[0]?.kek));
  }
  const changed = slots.length !== existing.length || slots.some((s, i) => s !== existing[i]);
  return { slots, changed };
}

/**
 * Rewrites the records whose slots differ. A damaged record (header or body) is
 * reported and left exactly as it was; a failing disk (full, read-only) stops the pass
 * with its error.
 */
export async function rewrapRecords(
  fs: StoreFs,
  layout: StoreLayout,
  unlockWith: readonly OpenSlot[],
  wanted: WantedSlots,
): Promise<{ rewritten: number; problems: RecordProblem[] }> {
  const problems: RecordProblem[] = [];
  let rewritten = 0;
  for (const { path, id } of await readdirRecordFiles(fs, layout.recordsDir)) {
    const label = { what: `record ${id}`, path };
    try {
      const parsed = parseOwnRecord(await readRecordBytes(fs, path, label), label, id);
      // The body is checked too (one AES-GCM pass, next to the write's fsyncs): a damaged
      // record is reported, never counted as re-keyed.
      const { dataKey } = openRecord(parsed, { kind: 'passphrase', slots: unlockWith }, label);
      const { slots, changed } = reconcileSlots(
        parsed.header.slots,
        dataKey,
        parsed.header.id,
        wanted,
      );
      if (!changed) continue;
      const bytes = withHeader(dataKey, { ...parsed.header, slots }, parsed.body);
      await writeFileAtomic(fs, path, bytes, label.what);
      rewritten++;
    } catch (error) {
      if (isScreenerError(error) && error.kind === 'environment') throw error;
      problems.push(toProblem(error, path, id));
    }
  }
  return { rewritten, problems };
}
