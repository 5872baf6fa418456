/**
 * The export's scratch space between passes: de-identified rows, not yet
 * k-anonymous, written to a temporary file encrypted under a key that exists only in
 * this process's memory (AES-256-GCM per chunk). If the process dies, what remains on
 * disk cannot be read by anyone. Rows are spread over 256 buckets by the first byte of
 * their pseudonym, so a later pass holds one bucket (about 1/256 of the rows) at a
 * time, and reading the buckets in order, each sorted, gives the rows in pseudonym
 * order.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readSync, writeSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BUCKETS = 256;
/**
 * Plaintext held per bucket before it is sealed and written. Up to 256 of these wait
 * at once, so this is most of the spill's memory (8 MiB at 32 KiB); at 8 KiB a
 * chunk still costs one cipher and one write per few dozen rows.
 */
const CHUNK_BYTES = 8 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

interface Chunk {
  readonly offset: number;
  readonly length: number;
  /** The chunk's nonce counter (see nonceOf): a number, not a 12-byte Buffer object per chunk. */
  readonly counter: number;
}

export class Spill {
  private readonly key = randomBytes(32);
  private readonly pending: string[][] = Array.from({ length: BUCKETS }, () => []);
  private readonly pendingBytes = new Float64Array(BUCKETS);
  private readonly chunks: Chunk[][] = Array.from({ length: BUCKETS }, () => []);
  private offset = 0;
  private counter = 0;
  private scratch = Buffer.alloc(0);
  rows = 0;

  private constructor(
    private readonly dir: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(parent = tmpdir()): Promise<Spill> {
    const dir = await mkdtemp(join(parent, 'screener-export-'));
    try {
      const handle = await open(join(dir, 'rows.spill'), 'wx+', 0o600);
      return new Spill(dir, handle);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The bucket of a pseudonym (hex): its first byte. */
  static bucketOf(pseudonym: string): number {
    return Number.parseInt(pseudonym.slice(0, 2), 16);
  }

  /**
   * Blocking: the read pass calls this once per record, and awaiting an asynchronous
   * write there left the thread idle for about a tenth of the export, while a write
   * of a few KiB to a temporary file costs microseconds.
   */
  append(bucket: number, line: string): void {
    this.pending[bucket]!.push(line);
    this.pendingBytes[bucket]! += line.length + 1;
    this.rows++;
    if (this.pendingBytes[bucket]! >= CHUNK_BYTES) this.flush(bucket);
  }

  private flush(bucket: number): void {
    const lines = this.pending[bucket]!;
    if (lines.length === 0) return;
    const plain = Buffer.from(lines.join('\n'), 'utf8');
    this.pending[bucket] = [];
    this.pendingBytes[bucket] = 0;
    const counter = this.counter++;
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceOf(counter));
    // Written in two parts rather than concatenated: each copy is another buffer outside
    // V8's heap, which the collector frees late (see readBucket).
    const sealed = cipher.update(plain);
    cipher.final();
    const tag = cipher.getAuthTag();
    writeAll(this.handle.fd, sealed, this.offset);
    writeAll(this.handle.fd, tag, this.offset + sealed.length);
    const length = sealed.length + tag.length;
    this.chunks[bucket]!.push({ offset: this.offset, length, counter });
    this.offset += length;
  }

  flushAll(): void {
    for (let b = 0; b < BUCKETS; b++) this.flush(b);
  }

  /** Every line of a bucket, in the order appended. */
  readBucket(bucket: number): string[] {
    const out: string[] = [];
    for (const chunk of this.chunks[bucket]!) {
      // Buffers live outside V8's heap and are freed only when their small handles are
      // collected; the count and write passes make few other objects, so a fresh buffer
      // per chunk piled up (about 20 MiB, the export's peak). One scratch buffer, and
      // no concatenated copy of the plaintext, leave one buffer per chunk.
      if (this.scratch.length < chunk.length) this.scratch = Buffer.allocUnsafe(chunk.length);
      const sealed = this.scratch.subarray(0, chunk.length);
      readAll(this.handle.fd, sealed, chunk.offset);
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonceOf(chunk.counter));
      decipher.setAuthTag(sealed.subarray(chunk.length - TAG_BYTES));
      const plain = decipher.update(sealed.subarray(0, chunk.length - TAG_BYTES));
      // Throws unless the tag matches; nothing of the chunk is used before.
      decipher.final();
      for (const line of plain.toString('utf8').split('\n')) out.push(line);
    }
    for (const line of this.pending[bucket]!) out.push(line);
    return out;
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A counter nonce: unique under this key by construction, never random-collision prone. */
function nonceOf(counter: number): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeUIntBE(counter, NONCE_BYTES - 6, 6);
  return nonce;
}

/** writeSync may write less than asked (a full disk, a signal): the rest is written, or it throws. */
function writeAll(fd: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length)
    done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

function readAll(fd: number, into: Buffer, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('internal: the export spill is shorter than written');
    done += n;
  }
}
