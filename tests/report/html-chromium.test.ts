/**
 * The HTML report in a real browser (headless Chromium, CI installs it): it renders
 * with no console error, fetches nothing, prints on A4, and a screenshot is kept for
 * a person to look at (tests/report/output/report.png, not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import { chromiumAvailable, visit } from './chromium.js';
import { CANARIES, canaryQuestionnaire, canaryRecord } from './helpers.js';

const OUT = join(import.meta.dirname, 'output');

describe.skipIf(!chromiumAvailable() && !process.env.CI)('HTML report in headless Chromium', () => {
  it('renders cleanly, fetches nothing, prints on A4, shows no identifier', async () => {
    const q = canaryQuestionnaire();
    const html = renderReport(q, canaryRecord(q), { format: 'html', lang: 'en' });
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'report.html');
    writeFileSync(file, html);

    const page = await visit(file);
    writeFileSync(join(OUT, 'report.png'), page.screenshot);
    writeFileSync(join(OUT, 'report.pdf'), page.pdf);

    expect(page.consoleErrors).toEqual([]);
    expect(page.exceptions).toEqual([]);
    expect(page.requests).toEqual([]);
    // A PNG of the whole page, several A4 pages of PDF.
    expect(page.screenshot.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(page.screenshot.length).toBeGreaterThan(10_000);
    expect(page.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(
      page.pdf.toString('latin1'),
    );
    // A4 is 595 × 842 points.
    expect(mediaBox && [Math.round(Number(mediaBox[1])), Math.round(Number(mediaBox[2]))]).toEqual([
      595, 842,
    ]);
    // What a reader sees on screen.
    expect(page.text).toContain('Screening report');
    expect(page.text).toContain('A screening is not a legal identification');
    expect(page.text).toContain('[name]');
    for (const c of CANARIES) expect(page.text.toLowerCase()).not.toContain(c.toLowerCase());
  });

  it('the page declares no script and a policy that forbids fetching anything', () => {
    const q = canaryQuestionnaire();
    const html = renderReport(q, canaryRecord(q), { format: 'html' });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import|https?:\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('@page { size: A4;');
  });
});
