/**
 * LEB128 varints as the spill writes them: the length of each framed entry (spill.ts)
 * and the numbers inside an entry (spill-codec.ts). Seven bits a byte, lowest first;
 * a set high bit says another byte follows.
 */

/** How many bytes writeVarint takes for `n`. */
export function varintBytes(n: number): number {
  let bytes = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

/** Writes `n` at `at` (the caller has made room); returns where it ends. */
export function writeVarint(into: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    into[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  into[at++] = n;
  return at;
}

/** Reads varints from `bytes`, from `pos` on. */
export class VarintReader {
  pos = 0;

  constructor(
    protected bytes: Uint8Array,
    /** The error's message when the bytes end inside a varint. */
    private readonly cutShort: string,
  ) {}

  protected varint(): number {
    const b = this.bytes;
    let n = 0;
    let shift = 0;
    for (;;) {
      const byte = b[this.pos++];
      if (byte === undefined) throw new Error(this.cutShort);
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
      shift += 7;
    }
  }
}
