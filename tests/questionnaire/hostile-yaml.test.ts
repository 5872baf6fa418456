import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, STACK_TRACE } from '../helpers/run-cli.js';

const MINIMAL = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'minimal.yaml'),
  'utf8',
);
let dir: string;

function write(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'screener-hostile-'));
});

// Each hostile input must give a coded, positioned diagnostic and exit 3: never a
// crash, a hang or a stack trace.
describe('hostile YAML through `screener validate`', () => {
  const cases: [string, () => string, string, string][] = [
    [
      'an alias bomb',
      () => {
        const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
        for (let i = 1; i < 9; i++) {
          const prev = String.fromCharCode(96 + i);
          const cur = String.fromCharCode(97 + i);
          lines.push(
            `${cur}: &${cur} [${Array(10)
              .fill('*' + prev)
              .join(', ')}]`,
          );
        }
        return write('bomb.yaml', lines.join('\n') + '\n');
      },
      'E_YAML_ALIAS_LIMIT',
      ':2:',
    ],
    [
      '10 000 nested flow levels',
      () => write('deep-flow.yaml', 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'),
      'E_YAML_TOO_DEEP',
      ':1:',
    ],
    [
      '10 000 nested block sequences',
      () => write('deep-block.yaml', 'a:\n  ' + '- '.repeat(10_000) + 'x\n'),
      'E_YAML_TOO_DEEP',
      ':2:',
    ],
    [
      'a 20 MB file',
      () => write('huge.yaml', MINIMAL + '# ' + 'x'.repeat(20 * 1024 * 1024) + '\n'),
      'E_FILE_TOO_LARGE',
      ':1:1',
    ],
    [
      '__proto__ keys',
      () =>
        write(
          'proto.yaml',
          MINIMAL.replace('id: minimal', 'id: minimal\n__proto__:\n  polluted: true'),
        ),
      'E_SCHEMA_UNKNOWN_KEY',
      ':3:1',
    ],
    [
      'invalid UTF-8',
      () =>
        write(
          'latin1.yaml',
          Buffer.concat([
            Buffer.from('id: minimal\ntitle: caf'),
            Buffer.from([0xe9]),
            Buffer.from('\n'),
          ]),
        ),
      'E_FILE_ENCODING',
      ':2:11',
    ],
    [
      'a tab-indented file',
      () => write('tabs.yaml', 'id: minimal\nsections:\n\t- id: main\n'),
      'E_YAML_SYNTAX',
      ':3:1',
    ],
    [
      'a quote that is never closed, reported where it opened',
      () => write('unclosed.yaml', MINIMAL.replace('        text: Age\n', '        text: "Age\n')),
      'E_YAML_SYNTAX',
      ':20:15 E_YAML_SYNTAX missing closing "quote',
    ],
    ['an empty file', () => write('empty.yaml', ''), 'E_FILE_EMPTY', ':1:1'],
    ['a file of blank lines', () => write('blank.yaml', '\n\n   \n'), 'E_FILE_EMPTY', ':1:1'],
    [
      'a YAML list instead of a mapping',
      () => write('list.yaml', '- a\n- b\n'),
      'E_SCHEMA_TYPE',
      ':1:1',
    ],
  ];

  it.each(cases)('%s', (_name, make, code, position) => {
    const file = make();
    const r = runCli(['validate', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(file + position);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toContain('invalid');
  });

  it('a __proto__ key never reaches the prototype of anything', () => {
    const file = write('proto2.yaml', '__proto__: { polluted: true }\n' + MINIMAL);
    const r = runCli(['validate', '--json', file]);
    expect(r.code).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a named pipe is refused without being opened, so it cannot hang', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, 'validate', fifo], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((res) => child.on('close', res));
    // Were the pipe opened for reading, this writer would let the read finish (and the
    // test fail on the message) instead of the command waiting for ever.
    const writer = open(fifo, 'w').then(async (h) => {
      await h.writeFile('id: from_the_pipe\n');
      await h.close();
    });
    const code = await exited;
    // Release the writer if the command never opened the pipe.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    await writer;
    closeSync(reader);
    expect(code).toBe(3);
    expect(stderr).toContain(`${fifo}:1:1 E_FILE_UNREADABLE this is a named pipe`);
  });

  it('a symbolic link loop is said in words', () => {
    symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
    symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
    const r = runCli(['validate', join(dir, 'loop-a.yaml')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'E_FILE_UNREADABLE cannot read the file: the path is a loop of symbolic links',
    );
    expect(r.stderr).not.toContain('ELOOP');
  });

  it('a missing file and a folder are clear errors', () => {
    const missing = runCli(['validate', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('E_FILE_UNREADABLE');
    expect(missing.stderr).toContain('no such file');
    const folder = runCli(['validate', dir]);
    expect(folder.code).toBe(3);
    expect(folder.stderr).toContain('this is a folder');
  });
});
