/**
 * A crash that dumps core writes the process's memory to disk: decrypted answers, the
 * keys that open every record, a passphrase as it was typed. Many Linux laptops keep
 * such dumps (systemd-coredump, apport, `ulimit -c unlimited`), and some crashes are
 * not the program's to prevent: V8 aborts when memory runs out, and Node 20 aborts on
 * its way out when its terminal has gone (an interview avoids that, terminal-gone.ts;
 * a native crash or another command would not). So before a command runs, the
 * process asks the kernel to leave every memory mapping out of its core dumps:
 * /proc/self/coredump_filter set to 0 (no anonymous, file-backed, shared or huge
 * pages; a dump then holds registers and the list of mappings, none of the data).
 * Worker threads share the setting and child processes inherit it. Where the file does
 * not exist (not Linux) or cannot be written, nothing changes and the command runs all
 * the same: a crash is rare, and refusing to work would help no one.
 */
import { writeFileSync } from 'node:fs';

export const CORE_DUMP_FILTER = '/proc/self/coredump_filter';

/** True when the kernel took the setting. */
export function keepMemoryOutOfCoreDumps(file = CORE_DUMP_FILTER): boolean {
  try {
    writeFileSync(file, '0');
    return true;
  } catch {
    return false;
  }
}
