/** What every command receives: its streams and the global options, injected so tests can drive commands without a terminal. */
export interface CliContext {
  readonly stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  /** Colour wanted: false with --no-color, NO_COLOR, or when stderr is not a terminal. */
  readonly color: boolean;
  /** --data-dir as given (resolved by the store, which knows SCREENER_HOME and XDG). */
  readonly dataDir: string | undefined;
  /** Both stdin and stdout are terminals: interactive prompts are possible. */
  readonly interactive: boolean;
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
