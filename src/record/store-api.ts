/**
 * The narrow interface between the interview (and the report and export) and the
 * place records live. The engine never knows how records are stored; the encrypted
 * store (src/store/) implements this, and practice runs use a memory-only one.
 */
import type { InterviewRecord, RecordStatus } from './types.js';

export type AuditEventType =
  | 'started'
  | 'answered'
  | 'back'
  | 'note'
  | 'quick_exit'
  | 'resumed'
  | 'completed'
  | 'stopped'
  | 'report'
  | 'redaction_review'
  | 'exported';

/** An audit event: ids only, never an answer's value. */
export interface AuditEvent {
  readonly type: AuditEventType;
  /** ISO 8601. */
  readonly at: string;
  readonly question?: string;
}

/** What `list` may show: never anything the person said. */
export interface RecordSummary {
  readonly id: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly status: RecordStatus;
  readonly questionnaire: { readonly id: string; readonly version: string };
}

export interface RecordStore {
  /** Writes the whole record durably and atomically (temp file, fsync, rename, fsync folder). */
  save(record: InterviewRecord): Promise<void>;
  load(id: string): Promise<InterviewRecord>;
  list(): Promise<RecordSummary[]>;
  delete(id: string): Promise<void>;
  appendAudit(id: string, event: AuditEvent): Promise<void>;
  readAudit(id: string): Promise<AuditEvent[]>;
  /**
   * Holds a record for one interactive session, refusing when another session has it
   * open (two sessions on one record would overwrite each other's answers) or while
   * the keys it would save with are being changed. Absent where nothing is shared
   * (practice runs, in memory).
   */
  holdSession?(id: string): Promise<{ release(): void }>;
}

/** Runs `work` with record `id` held for one session (holdSession), given back after. */
export async function whileHeld<T>(
  store: RecordStore,
  id: string,
  work: () => Promise<T>,
): Promise<T> {
  const lock = await store.holdSession?.(id);
  try {
    return await work();
  } finally {
    lock?.release();
  }
}

/** Practice runs: the same interface, nothing leaves memory. */
export class MemoryStore implements RecordStore {
  private readonly records = new Map<string, InterviewRecord>();
  private readonly audits = new Map<string, AuditEvent[]>();

  async save(record: InterviewRecord): Promise<void> {
    this.records.set(record.id, structuredClone(record));
  }
  async load(id: string): Promise<InterviewRecord> {
    const r = this.records.get(id);
    if (!r) throw new Error(`no record ${id} in memory`);
    return structuredClone(r);
  }
  async list(): Promise<RecordSummary[]> {
    return [...this.records.values()].map((r) => ({
      id: r.id,
      startedAt: r.startedAt,
      updatedAt: r.updatedAt,
      status: r.status,
      questionnaire: { id: r.questionnaire.id, version: r.questionnaire.version },
    }));
  }
  async delete(id: string): Promise<void> {
    this.records.delete(id);
    this.audits.delete(id);
  }
  async appendAudit(id: string, event: AuditEvent): Promise<void> {
    const list = this.audits.get(id) ?? [];
    list.push(event);
    this.audits.set(id, list);
  }
  async readAudit(id: string): Promise<AuditEvent[]> {
    return [...(this.audits.get(id) ?? [])];
  }
}
