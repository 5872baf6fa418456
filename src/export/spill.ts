/**
 * The export's scratch space between passes: de-identified rows, not yet
 * k-anonymous, written to a temporary file encrypted under a key that exists only in
 * this process's memory (AES-256-GCM per chunk). If the process dies, what remains on
 * disk cannot be read by anyone. Entries (spill-codec.ts) are spread over 256 buckets
 * by the first byte of their pseudonym, so a later pass holds one bucket (about 1/256
 * of the rows) at a time, and reading the buckets in order, each sorted, gives the
 * rows in pseudonym order.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workingFileError } from './io-errors.js';
import { varintBytes, VarintReader, writeVarint } from './varint.js';
import { writeAll } from './write-all.js';

export const BUCKETS = 256;
/**
 * Plaintext held per bucket before it is sealed and written. All 256 wait at once in
 * one slab (2 MiB at 8 KiB); a binary entry is a few dozen bytes, so a chunk still
 * costs one cipher and one write per hundred or so rows.
 */
const CHUNK_BYTES = 8 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Entries come from at most this many encoding threads (a byte each). */
export const MAX_SOURCES = 256;

interface Chunk {
  readonly offset: number;
  readonly length: number;
  /** The chunk's nonce counter (see nonceOf): a number, not a 12-byte Buffer object per chunk. */
  readonly counter: number;
}

/**
 * Every entry is framed in the plaintext as: its source (the thread that encoded it,
 * one byte), its length (LEB128), its bytes. The bucket is the entry's first byte.
 */
export class Spill {
  private readonly key = randomBytes(32);
  private readonly slab = Buffer.allocUnsafe(BUCKETS * CHUNK_BYTES);
  private readonly fill = new Int32Array(BUCKETS);
  private readonly chunks: Chunk[][] = Array.from({ length: BUCKETS }, () => []);
  private offset = 0;
  private counter = 0;
  private sealedScratch = Buffer.alloc(0);
  private plainScratch = Buffer.alloc(0);
  rows = 0;

  private constructor(
    /** The temporary folder (named in errors) and this spill's own folder in it. */
    private readonly parent: string,
    private readonly dir: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(parent = tmpdir()): Promise<Spill> {
    let dir: string;
    try {
      dir = await mkdtemp(join(parent, 'screener-export-'));
    } catch (error) {
      throw workingFileError(error, parent);
    }
    try {
      const handle = await open(join(dir, 'rows.spill'), 'wx+', 0o600);
      return new Spill(parent, dir, handle);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw workingFileError(error, parent);
    }
  }

  /**
   * Appends the entry bytes[start, end) encoded by `source`. Blocking: the read pass
   * calls this once per record, and awaiting an asynchronous write there left the
   * thread idle for about a tenth of the export, while a write of a few KiB to a
   * temporary file costs microseconds.
   */
  append(source: number, bytes: Uint8Array, start: number, end: number): void {
    if (source < 0 || source >= MAX_SOURCES) throw new Error(`internal: spill source ${source}`);
    const bucket = bytes[start]!;
    const length = end - start;
    const framed = 1 + varintBytes(length) + length;
    if (this.fill[bucket]! + framed > CHUNK_BYTES) this.flush(bucket);
    this.rows++;
    if (framed > CHUNK_BYTES) {
      // A very large entry (a questionnaire with hundreds of flags) is a chunk of its own.
      const alone = Buffer.allocUnsafe(framed);
      writeFrame(alone, 0, source, bytes, start, end);
      this.seal(bucket, alone);
      return;
    }
    const base = bucket * CHUNK_BYTES;
    this.fill[bucket] =
      writeFrame(this.slab, base + this.fill[bucket]!, source, bytes, start, end) - base;
  }

  private flush(bucket: number): void {
    const n = this.fill[bucket]!;
    if (n === 0) return;
    const base = bucket * CHUNK_BYTES;
    this.seal(bucket, this.slab.subarray(base, base + n));
    this.fill[bucket] = 0;
  }

  private seal(bucket: number, plain: Buffer): void {
    const counter = this.counter++;
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceOf(counter));
    // Written in two parts rather than concatenated: each copy is another buffer outside
    // V8's heap, which the collector frees late (see readBucket).
    const sealed = cipher.update(plain);
    cipher.final();
    const tag = cipher.getAuthTag();
    try {
      writeAll(this.handle.fd, sealed, this.offset);
      writeAll(this.handle.fd, tag, this.offset + sealed.length);
    } catch (error) {
      throw workingFileError(error, this.parent);
    }
    const length = sealed.length + tag.length;
    this.chunks[bucket]!.push({ offset: this.offset, length, counter });
    this.offset += length;
  }

  flushAll(): void {
    for (let b = 0; b < BUCKETS; b++) this.flush(b);
  }

  /**
   * The framed entries of a bucket, in the order appended: a view of a buffer this
   * spill reuses, valid until the next call.
   */
  readBucket(bucket: number): Buffer {
    const chunks = this.chunks[bucket]!;
    let total = this.fill[bucket]!;
    for (const chunk of chunks) total += chunk.length - TAG_BYTES;
    // Buffers live outside V8's heap and are freed only when their small handles are
    // collected; the count and write passes make few other objects, so a fresh buffer
    // per bucket piled up. One scratch buffer for the sealed chunk and one for the
    // bucket's plaintext, reused from bucket to bucket.
    if (this.plainScratch.length < total) this.plainScratch = Buffer.allocUnsafe(total * 2);
    const plain = this.plainScratch;
    let at = 0;
    for (const chunk of chunks) {
      if (this.sealedScratch.length < chunk.length)
        this.sealedScratch = Buffer.allocUnsafe(chunk.length);
      const sealed = this.sealedScratch.subarray(0, chunk.length);
      readAll(this.handle.fd, sealed, chunk.offset);
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonceOf(chunk.counter));
      decipher.setAuthTag(sealed.subarray(chunk.length - TAG_BYTES));
      const opened = decipher.update(sealed.subarray(0, chunk.length - TAG_BYTES));
      // Throws unless the tag matches; nothing of the chunk is used before.
      decipher.final();
      opened.copy(plain, at);
      at += opened.length;
    }
    const base = bucket * CHUNK_BYTES;
    at += this.slab.copy(plain, at, base, base + this.fill[bucket]!);
    return plain.subarray(0, at);
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Walks the framed entries of readBucket's plaintext. */
export class FrameReader extends VarintReader {
  /** The current entry: its source and where its bytes start and end. */
  source = 0;
  start = 0;
  end = 0;

  constructor(bytes: Uint8Array) {
    super(bytes, 'internal: the export spill is cut short');
  }

  next(): boolean {
    const b = this.bytes;
    if (this.pos >= b.length) return false;
    this.source = b[this.pos++]!;
    const length = this.varint();
    this.start = this.pos;
    this.end = this.pos + length;
    if (this.end > b.length) throw new Error('internal: the export spill is cut short');
    this.pos = this.end;
    return true;
  }
}

/** Writes source, length and bytes at `at`; returns where the frame ends. */
function writeFrame(
  into: Buffer,
  at: number,
  source: number,
  bytes: Uint8Array,
  start: number,
  end: number,
): number {
  into[at++] = source;
  at = writeVarint(into, at, end - start);
  // Byte by byte: entries are a few dozen bytes, and a subarray per entry is an object
  // for the collector.
  for (let i = start; i < end; i++) into[at++] = bytes[i]!;
  return at;
}

/** A counter nonce: unique under this key by construction, never random-collision prone. */
function nonceOf(counter: number): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeUIntBE(counter, NONCE_BYTES - 6, 6);
  return nonce;
}

function readAll(fd: number, into: Buffer, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('internal: the export spill is shorter than written');
    done += n;
  }
}
