/**
 * An output file that appears whole or not at all: written to a temporary file
 * beside the target, synced, then renamed over it. An export that fails or is
 * interrupted removes its temporary file and leaves any earlier file untouched.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outputWriteError, type OutputLabel } from './io-errors.js';
import { writeAll } from './write-all.js';

export class OutputFile {
  private position = 0;
  private closed = false;
  private scratch = Buffer.alloc(0);

  private constructor(
    readonly target: string,
    readonly temp: string,
    private readonly handle: FileHandle,
    private readonly label: OutputLabel,
  ) {}

  static async create(target: string, label: OutputLabel): Promise<OutputFile> {
    const temp = join(
      dirname(target),
      `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      // Owner-only: what is shared, and with whom, is the coordinator's decision.
      const handle = await open(temp, 'wx', 0o600);
      return new OutputFile(target, temp, handle, label);
    } catch (error) {
      throw outputWriteError(error, target, label);
    }
  }

  /**
   * Blocking, like the spill's writes: a write is a few tens of KiB of rows, and
   * awaiting the thread pool for each left the thread idle for about 0.1 s per 100 000
   * records.
   */
  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    // Encoded into one buffer reused from write to write: a new one each time lives
    // outside V8's heap until the collector gets to its handle, hundreds of them at once.
    const size = Buffer.byteLength(text, 'utf8');
    if (this.scratch.length < size) this.scratch = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
    const length = this.scratch.write(text, 0, 'utf8');
    try {
      writeAll(this.handle.fd, this.scratch.subarray(0, length), this.position);
    } catch (error) {
      throw outputWriteError(error, this.target, this.label);
    }
    this.position += length;
  }

  /** Makes the content durable, not yet in place. */
  async finish(): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
      this.closed = true;
    } catch (error) {
      throw outputWriteError(error, this.target, this.label);
    }
  }

  /** Puts the finished content in place (after finish). */
  async place(): Promise<void> {
    try {
      await rename(this.temp, this.target);
    } catch (error) {
      throw outputWriteError(error, this.target, this.label);
    }
  }

  /** Makes the content durable and puts it in place. */
  async commit(): Promise<void> {
    await this.finish();
    await this.place();
  }

  /** Removes the temporary file (after a failure or an interruption); safe to call twice. */
  async discard(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => undefined);
    }
    await unlink(this.temp).catch(() => undefined);
  }
}
