/**
 * What is at the name of an output file the user chose (export --out and --summary,
 * run --report, report --out, rehearse --debrief), the name itself not followed.
 * Every such file is written beside its name and then renamed over it, so a link
 * there would itself be replaced by a file, and what it leads to left as it was; a
 * device such as /dev/stdout would become a regular file. Both are refused.
 */
import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';

export type OutputTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'file'; readonly stats: Stats }
  | { readonly kind: 'folder' }
  /** `real`: the regular file it leads to, when it is one worth naming. */
  | { readonly kind: 'link'; readonly real: string | undefined }
  | { readonly kind: 'special' };

export function outputTarget(file: string): OutputTarget {
  let st: Stats | undefined;
  try {
    st = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    // Not looked at (a folder that cannot be searched): the write says why it fails.
  }
  if (!st) return { kind: 'none' };
  if (st.isFile()) return { kind: 'file', stats: st };
  if (st.isDirectory()) return { kind: 'folder' };
  if (st.isSymbolicLink()) return { kind: 'link', real: realFile(file) };
  return { kind: 'special' };
}

/**
 * The regular file a link leads to. Not for the system's own names (/dev/stdout,
 * /proc/self/fd/…): what they lead to is this process's output, not a file to name.
 */
function realFile(file: string): string | undefined {
  if (/^\/(dev|proc)\//.test(resolve(file))) return undefined;
  try {
    const real = realpathSync(file);
    return lstatSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the target cannot be written, in words, or undefined when it can.
 * `what` names the output ("the report"), `option` the flag that chose it, `instead`
 * what to do when the user meant the screen or a pipe.
 */
export function outputTargetRefusal(
  target: OutputTarget,
  file: string,
  what: string,
  option: string,
  instead: string,
): { message: string; details: string[] } | undefined {
  if (target.kind === 'link')
    return {
      message: `${option} ${file} is a link${target.real ? ` to ${target.real}` : ''}; ${what} is written as a file of its own, and writing it there would replace the link, not what it leads to.`,
      details: [
        ...(target.real ? [`Give the real file's path: ${option} ${target.real}`] : []),
        instead,
      ],
    };
  if (target.kind === 'special')
    return {
      message: `${option} ${file} is not a regular file (a device, a pipe or a socket); ${what} is written as a file of its own.`,
      details: [instead],
    };
  return undefined;
}
