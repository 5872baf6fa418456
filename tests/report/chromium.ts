/**
 * Headless Chromium driven over the DevTools protocol on a pipe (fd 3 in, fd 4 out):
 * no WebSocket and no npm dependency. Opens a file, records console errors, page
 * exceptions and every network request, takes a screenshot and prints to A4 PDF.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface PageVisit {
  readonly consoleErrors: readonly string[];
  readonly exceptions: readonly string[];
  /** Every URL requested other than the page itself. */
  readonly requests: readonly string[];
  readonly screenshot: Buffer;
  readonly pdf: Buffer;
  /** Text of the rendered body (document.body.innerText). */
  readonly text: string;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export async function visit(file: string): Promise<PageVisit> {
  const profile = mkdtempSync(join(tmpdir(), 'screener-chromium-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-default-apps',
      '--mute-audio',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  (child.stdio[2] as Readable).on('data', (d: Buffer) => (stderr += d.toString()));

  let nextId = 1;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners: ((m: Message) => void)[] = [];
  let buffer = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\0')) !== -1) {
      const m = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      if (m.id !== undefined && pending.has(m.id)) {
        const p = pending.get(m.id)!;
        pending.delete(m.id);
        if (m.error) p.reject(new Error(m.error.message));
        else p.resolve(m);
      } else for (const l of listeners) l(m);
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Message>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
    });
  const once = (method: string, sessionId: string) =>
    new Promise<Message>((resolve) => {
      const l = (m: Message) => {
        if (m.method === method && m.sessionId === sessionId) {
          listeners.splice(listeners.indexOf(l), 1);
          resolve(m);
        }
      };
      listeners.push(l);
    });

  const consoleErrors: string[] = [];
  const exceptions: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(file).href;
  try {
    const target = await send('Target.createTarget', { url: 'about:blank' });
    const targetId = target.result!.targetId as string;
    const attached = await send('Target.attachToTarget', { targetId, flatten: true });
    const sessionId = attached.result!.sessionId as string;
    listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params ?? {};
      if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert'))
        consoleErrors.push(JSON.stringify(p.args));
      if (m.method === 'Log.entryAdded') {
        const entry = p.entry as { level: string; text: string; url?: string };
        if (entry.level === 'error') consoleErrors.push(`${entry.text} ${entry.url ?? ''}`);
      }
      if (m.method === 'Runtime.exceptionThrown')
        exceptions.push(JSON.stringify(p.exceptionDetails));
      if (m.method === 'Network.requestWillBeSent') {
        const u = (p.request as { url: string }).url;
        if (u !== url) requests.push(u);
      }
    });
    await send('Runtime.enable', {}, sessionId);
    await send('Log.enable', {}, sessionId);
    await send('Network.enable', {}, sessionId);
    await send('Page.enable', {}, sessionId);
    await send(
      'Emulation.setDeviceMetricsOverride',
      { width: 794, height: 1123, deviceScaleFactor: 1, mobile: false },
      sessionId,
    );
    const loaded = once('Page.loadEventFired', sessionId);
    await send('Page.navigate', { url }, sessionId);
    await loaded;
    const shot = await send(
      'Page.captureScreenshot',
      { format: 'png', captureBeyondViewport: true },
      sessionId,
    );
    const pdf = await send(
      'Page.printToPDF',
      { paperWidth: 8.27, paperHeight: 11.69, preferCSSPageSize: true, printBackground: true },
      sessionId,
    );
    const text = await send(
      'Runtime.evaluate',
      { expression: 'document.body.innerText', returnByValue: true },
      sessionId,
    );
    await send('Browser.close').catch(() => undefined);
    await exited;
    return {
      consoleErrors,
      exceptions,
      requests,
      screenshot: Buffer.from(shot.result!.data as string, 'base64'),
      pdf: Buffer.from(pdf.result!.data as string, 'base64'),
      text: String((text.result!.result as { value: unknown }).value),
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
