/**
 * The encrypted record store: one file per interview, rewritten atomically on
 * every save, plus an append-only encrypted audit log. Implements RecordStore.
 *
 * Data keys are cached per record for the life of the store, so an autosave
 * costs one AES-GCM pass and one atomic write; the scrypt cost is paid once, when
 * the store is opened. Operations on one record run one after another (a save
 * and an audit append started together never interleave their writes).
 */
import type { AuditEvent, RecordStore, RecordSummary } from '../record/store-api.js';
import type { InterviewRecord } from '../record/types.js';
import { isRecordId } from '../record/id.js';
import {
  ensureDir,
  removeStaleTemps,
  syncDir,
  tempPathFor,
  writeFileAtomic,
} from './atomic-write.js';
import {
  auditKey,
  auditLayout,
  checkEvent,
  auditTampered,
  encodeAuditHeader,
  FRAME_BYTES,
  openFrames,
  sealFrame,
} from './audit-file.js';
import { randomKey } from './crypto.js';
import { deleteFailure, nodeCode, readFailure, storeDataError, writeFailure } from './errors.js';
import type { StoreFs } from './fs-layer.js';
import { holdRecordSession, removeStaleSessions, type SessionLock } from './session-lock.js';
import { finishPendingKeyWork } from './keys-admin.js';
import type { KeySlot, Unlocker } from './key-slots.js';
import { auditPath, recordPath, type StoreLayout } from './paths.js';
import { toProblem, type RecordProblem } from './problems.js';
import { encodeRecordFile, openRecord, type FileLabel } from './record-file.js';
import { parseOwnRecord, readdirRecordFiles, readRecordBytes } from './record-io.js';
import { reconcileSlots } from './rewrap.js';
import { refuseIfKeysChanged, type UnlockedKeys } from './unlock.js';
import { randomBytes } from 'node:crypto';

interface Entry {
  readonly dataKey: Buffer;
  slots: readonly KeySlot[];
  /** The record file exists on disk. */
  exists: boolean;
  /**
   * This store created the record or loaded it, so a save may replace the file.
   * A save over a record it never read is refused: that is a record-id collision
   * (or two interviews mixed up), and would destroy the other interview.
   */
  claimed: boolean;
  /** Complete audit frames on disk; undefined until counted (and after a failed append). */
  auditFrames: number | undefined;
  /** Events appended before the record's first save; written right after it. */
  pending: AuditEvent[];
}

export interface ListResult {
  readonly records: RecordSummary[];
  readonly problems: RecordProblem[];
}

const LIST_CONCURRENCY = 16;

export class FileStore implements RecordStore {
  private readonly entries = new Map<string, Entry>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly unlocker: Unlocker;

  private constructor(private readonly keys: UnlockedKeys) {
    this.unlocker = { kind: 'passphrase', slots: [keys.current] };
  }

  /** Opens an unlocked data folder: finishes any interrupted key change and tidies abandoned temp and session files. */
  static async open(
    unlocked: UnlockedKeys,
  ): Promise<{ store: FileStore; problems: RecordProblem[] }> {
    const { unlocked: keys, problems } = await finishPendingKeyWork(unlocked);
    await removeStaleTemps(keys.fs, keys.layout.recordsDir);
    await removeStaleTemps(keys.fs, keys.layout.dataDir);
    removeStaleSessions(keys.layout.recordsDir);
    return { store: new FileStore(keys), problems };
  }

  get dataDir(): string {
    return this.keys.layout.dataDir;
  }

  /**
   * Holds record `id` for this session, or refuses when another window has it open or
   * is changing the keys (session-lock.ts). A key change that ran to its end between
   * this store's unlock and now is refused too: the record would be saved with key
   * slots the folder no longer has. Once held, no key change can start.
   */
  async holdSession(id: string): Promise<SessionLock> {
    const lock = holdRecordSession(this.layout.recordsDir, id);
    try {
      await refuseIfKeysChanged(this.keys);
    } catch (error) {
      lock.release();
      throw error;
    }
    return lock;
  }

  get layout(): StoreLayout {
    return this.keys.layout;
  }

  private get fs(): StoreFs {
    return this.keys.fs;
  }

  private label(id: string): FileLabel {
    return { what: `record ${id}`, path: recordPath(this.layout, id) };
  }

  /** Runs operations on one record strictly in order, whatever the caller awaits. */
  private serial<T>(id: string, op: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(id) ?? Promise.resolve();
    const next = prev.then(op, op);
    const tail = next.catch(() => undefined);
    this.queues.set(id, tail);
    void tail.then(() => {
      if (this.queues.get(id) === tail) this.queues.delete(id);
    });
    return next;
  }

  private wanted() {
    return { passphrase: [this.keys.current], org: this.keys.keys.org };
  }

  /** The record's data key: cached, or unwrapped from its file, or (create) a fresh one for a new record. */
  private async entry(id: string, create: boolean): Promise<Entry> {
    const cached = this.entries.get(id);
    if (cached) return cached;
    const label = this.label(id);
    let bytes: Buffer | undefined;
    try {
      bytes = await readRecordBytes(this.fs, label.path, label);
    } catch (error) {
      if (!(create && (error as { code?: string }).code === 'E_RECORD_NOT_FOUND')) throw error;
    }
    let entry: Entry;
    if (bytes) {
      // The whole record is authenticated before its key is trusted for new saves.
      const parsed = parseOwnRecord(bytes, label, id);
      const { dataKey } = openRecord(parsed, this.unlocker, label);
      entry = {
        dataKey,
        slots: parsed.header.slots,
        exists: true,
        claimed: false,
        auditFrames: undefined,
        pending: [],
      };
    } else {
      const dataKey = randomKey();
      entry = {
        dataKey,
        slots: [],
        exists: false,
        claimed: true,
        auditFrames: undefined,
        pending: [],
      };
    }
    this.entries.set(id, entry);
    return entry;
  }

  async save(record: InterviewRecord): Promise<void> {
    if (!isRecordId(record.id)) throw new TypeError(`not a record id: ${record.id}`);
    // Practice runs use MemoryStore; reaching here would put practice data among real records.
    if (record.mode === 'practice') throw new TypeError('practice records are never stored');
    const id = record.id;
    await this.serial(id, async () => {
      const entry = await this.entry(id, true);
      if (entry.exists && !entry.claimed)
        throw storeDataError(
          'E_RECORD_EXISTS',
          `Record ${id} already exists and was not opened by this session; it was not overwritten.`,
          ['Load a record before saving it again (resume), or start a new record with a new id.'],
        );
      const auditCount = entry.auditFrames ?? (await this.countAuditFrames(id));
      const { slots } = reconcileSlots(entry.slots, entry.dataKey, id, this.wanted());
      const bytes = encodeRecordFile(
        entry.dataKey,
        {
          id,
          recordFormat: record.formatVersion,
          questionnaireHash: record.questionnaire.hash,
          slots,
        },
        { record, auditCount },
      );
      if (!entry.exists) await ensureDir(this.fs, this.layout.recordsDir);
      await writeFileAtomic(this.fs, recordPath(this.layout, id), bytes, `record ${id}`);
      entry.slots = slots;
      entry.exists = true;
      const pending = entry.pending.splice(0);
      for (const event of pending) await this.appendFrame(id, entry, event);
    });
  }

  async load(id: string): Promise<InterviewRecord> {
    return this.serial(id, async () => {
      const { record } = await this.readEnvelope(id);
      const entry = this.entries.get(id);
      if (entry) entry.claimed = true;
      return record;
    });
  }

  /** Decrypts the record file (refreshing the cached key) and returns what it holds. */
  private async readEnvelope(id: string) {
    if (!isRecordId(id))
      throw storeDataError(
        'E_RECORD_NOT_FOUND',
        `"${id}" is not a record id (they look like R-7K3M-Q9XD).`,
      );
    const label = this.label(id);
    const bytes = await readRecordBytes(this.fs, label.path, label);
    const parsed = parseOwnRecord(bytes, label, id);
    const { dataKey, envelope } = openRecord(parsed, this.unlocker, label);
    const cached = this.entries.get(id);
    if (!cached)
      this.entries.set(id, {
        dataKey,
        slots: parsed.header.slots,
        exists: true,
        claimed: false,
        auditFrames: undefined,
        pending: [],
      });
    return envelope;
  }

  async has(id: string): Promise<boolean> {
    if (this.entries.get(id)?.exists) return true;
    return this.fs.lstat(recordPath(this.layout, id)).then(
      () => true,
      () => false,
    );
  }

  async list(): Promise<RecordSummary[]> {
    return (await this.listWithProblems()).records;
  }

  /** Every readable record's summary, and every unreadable file with the reason; one bad file never hides the others. */
  async listWithProblems(): Promise<ListResult> {
    const files = await readdirRecordFiles(this.fs, this.layout.recordsDir);
    const records: RecordSummary[] = [];
    const problems: RecordProblem[] = [];
    for (let i = 0; i < files.length; i += LIST_CONCURRENCY) {
      const batch = files.slice(i, i + LIST_CONCURRENCY);
      await Promise.all(
        batch.map(async ({ path, id }) => {
          try {
            const { record: r } = await this.serial(id, () => this.readEnvelope(id));
            records.push({
              id: r.id,
              startedAt: r.startedAt,
              updatedAt: r.updatedAt,
              status: r.status,
              questionnaire: { id: r.questionnaire.id, version: r.questionnaire.version },
            });
          } catch (error) {
            problems.push(toProblem(error, path, id));
          }
        }),
      );
    }
    records.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
    problems.sort((a, b) => a.file.localeCompare(b.file));
    return { records, problems };
  }

  /**
   * Removes the record and its audit log. The bytes are first overwritten with
   * random data (best effort: see docs/store.md on what this does not guarantee on
   * SSDs and journaling or copy-on-write file systems), then unlinked.
   */
  async delete(id: string): Promise<void> {
    if (!isRecordId(id))
      throw storeDataError(
        'E_RECORD_NOT_FOUND',
        `"${id}" is not a record id (they look like R-7K3M-Q9XD).`,
      );
    await this.serial(id, async () => {
      // The record first: what the person said goes before the log of who opened it.
      const recordGone = await this.shred(recordPath(this.layout, id), `record ${id}`);
      const auditGone = await this.shred(
        auditPath(this.layout, id),
        `the audit log of record ${id}`,
        recordGone ? `Record ${id} itself` : undefined,
      );
      this.entries.delete(id);
      if (!recordGone && !auditGone)
        throw storeDataError('E_RECORD_NOT_FOUND', `There is no record ${id}.`, [
          'See `screener list` for the stored records.',
        ]);
      await syncDir(this.fs, this.layout.recordsDir, `record ${id}`);
    });
  }

  /**
   * Overwrites a file with random bytes and removes it, or changes nothing. The file is
   * first moved out of its name (to a temporary name, tidied after a crash like any
   * other): a folder that would refuse the removal refuses the move, before a byte is
   * touched; a failed overwrite moves it back.
   */
  private async shred(path: string, what: string, alreadyDeleted?: string): Promise<boolean> {
    let size: number;
    const doomed = tempPathFor(path);
    try {
      const st = await this.fs.lstat(path);
      if (!st.isFile())
        throw storeDataError('E_NOT_A_FILE', `Cannot delete ${what}: ${path} is not a file.`);
      size = st.size;
      await this.fs.rename(path, doomed);
    } catch (error) {
      if (nodeCode(error) === 'ENOENT') return false;
      if ((error as { kind?: unknown }).kind !== undefined) throw error;
      throw deleteFailure(error, what, path, 'intact', alreadyDeleted);
    }
    let handle: Awaited<ReturnType<StoreFs['open']>> | undefined;
    try {
      handle = await this.fs.open(doomed, 'r+');
      await handle.write(randomBytes(size), 0, size, 0);
      await handle.sync();
      await handle.close();
    } catch (error) {
      await handle?.close().catch(() => undefined);
      const back = await this.fs.rename(doomed, path).then(
        () => true,
        () => false,
      );
      throw back
        ? deleteFailure(error, what, path, 'intact', alreadyDeleted)
        : deleteFailure(error, what, doomed, 'set-aside');
    }
    try {
      await this.fs.unlink(doomed);
    } catch (error) {
      throw deleteFailure(error, what, doomed, 'overwritten');
    }
    return true;
  }

  async appendAudit(id: string, event: AuditEvent): Promise<void> {
    if (!isRecordId(id)) throw new TypeError(`not a record id: ${id}`);
    const clean = checkEvent(event);
    await this.serial(id, async () => {
      const entry = await this.entry(id, true);
      if (!entry.exists) entry.pending.push(clean);
      else await this.appendFrame(id, entry, clean);
    });
  }

  async readAudit(id: string): Promise<AuditEvent[]> {
    return this.serial(id, async () => {
      const cached = this.entries.get(id);
      if (cached && !cached.exists) return [...cached.pending];
      const envelope = await this.readEnvelope(id);
      const entry = await this.entry(id, false);
      const path = auditPath(this.layout, id);
      const label = { what: `record ${id}`, path };
      let bytes: Buffer;
      try {
        bytes = await this.fs.readFile(path);
      } catch (error) {
        if (nodeCode(error) !== 'ENOENT')
          throw readFailure(error, `the audit log of record ${id}`, path);
        if (envelope.auditCount > 0)
          throw storeDataError('E_AUDIT_TRUNCATED', `The audit log of record ${id} is missing.`, [
            `(${path})`,
            'The record itself is not affected.',
          ]);
        return [];
      }
      return openFrames(bytes, auditKey(entry.dataKey), id, label, envelope.auditCount);
    });
  }

  /** Complete frames in the audit log; a damaged log counts as empty here so it never blocks saving answers. */
  private async countAuditFrames(id: string): Promise<number> {
    const path = auditPath(this.layout, id);
    try {
      const bytes = await this.fs.readFile(path);
      return auditLayout(bytes, id, { what: `record ${id}`, path }).frames;
    } catch {
      return 0;
    }
  }

  /**
   * Appends one event: the first creates the log atomically; later ones append a
   * fixed-size frame and fdatasync. A partial frame left by a crash is cut off
   * first, so new frames always start on a frame boundary.
   */
  private async appendFrame(id: string, entry: Entry, event: AuditEvent): Promise<void> {
    const path = auditPath(this.layout, id);
    const label = { what: `record ${id}`, path };
    const key = auditKey(entry.dataKey);
    if (entry.auditFrames === undefined) {
      let bytes: Buffer | undefined;
      try {
        bytes = await this.fs.readFile(path);
      } catch (error) {
        if (nodeCode(error) !== 'ENOENT')
          throw readFailure(error, `the audit log of record ${id}`, path);
      }
      if (!bytes) {
        const first = Buffer.concat([encodeAuditHeader(id), sealFrame(key, id, 0, event)]);
        await writeFileAtomic(this.fs, path, first, `the audit log of record ${id}`);
        entry.auditFrames = 1;
        return;
      }
      const layout = auditLayout(bytes, id, label);
      if (layout.tornBytes > 0)
        await this.truncate(path, layout.headerBytes + layout.frames * FRAME_BYTES, id);
      entry.auditFrames = layout.frames;
    }
    // Numbered by the log as it is on disk, not as this process last left it: another
    // process (`report` in another window) may have appended since, and a repeated
    // number would make every later frame fail its check.
    const headerBytes = encodeAuditHeader(id).length;
    let size: number;
    try {
      size = (await this.fs.stat(path)).size;
    } catch (error) {
      entry.auditFrames = undefined;
      throw readFailure(error, `the audit log of record ${id}`, path);
    }
    if (size < headerBytes) {
      entry.auditFrames = undefined;
      throw auditTampered(label);
    }
    const seq = Math.floor((size - headerBytes) / FRAME_BYTES);
    let handle: Awaited<ReturnType<StoreFs['open']>> | undefined;
    try {
      handle = await this.fs.open(path, 'a');
      // A frame cut short by a crash elsewhere: new frames start on a frame boundary.
      if ((size - headerBytes) % FRAME_BYTES !== 0)
        await handle.truncate(headerBytes + seq * FRAME_BYTES);
      const frame = sealFrame(key, id, seq, event);
      await handle.write(frame, 0, frame.length);
      await handle.datasync();
      await handle.close();
      handle = undefined;
      entry.auditFrames = seq + 1;
    } catch (error) {
      await handle?.close().catch(() => undefined);
      // A partial frame may be on disk: recount (and cut it off) before the next append.
      entry.auditFrames = undefined;
      throw writeFailure(error, `the audit log of record ${id}`, path);
    }
  }

  private async truncate(path: string, length: number, id: string): Promise<void> {
    let handle: Awaited<ReturnType<StoreFs['open']>> | undefined;
    try {
      handle = await this.fs.open(path, 'r+');
      await handle.truncate(length);
      await handle.sync();
    } catch (error) {
      throw writeFailure(error, `the audit log of record ${id}`, path);
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
}
