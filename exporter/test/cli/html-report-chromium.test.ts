/**
 * The `check --format html` report opened in real headless Chromium (Debian's, driven by playwright-core) from
 * file://: it renders, raises no page or console error, makes no request besides the file itself, shows exactly
 * one chart per feature, and shows hostile names as text. Writes the screenshot docs/img/cli-report.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { assertBuilt, runModelwatch, toCsv } from './run-cli.js';
import { mulberry32 } from '../support/synthetic.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const screenshotPath = fileURLToPath(new URL('../../../docs/img/cli-report.png', import.meta.url));
const hostileColumn = '<script>window.__pwned = 1</script>';
const hostileCategory = '<img src=x onerror="window.__pwned = 2">';

function rows(count: number, seed: number, drift: boolean): unknown[][] {
  const next = mulberry32(seed);
  const plans = ['basic', 'plus', hostileCategory, 'enterprise'];
  return Array.from({ length: count }, () => [
    Math.round((30 + next() * 30 + (drift ? 12 : 0)) * 10) / 10,
    Math.round(2000 + next() * 3000),
    plans[Math.floor(next() * (drift ? 4 : 3))],
    next() < 0.3,
    Math.floor(next() * 5),
  ]);
}

let directory = '';
let browser: Browser | undefined;

beforeAll(async () => {
  assertBuilt();
  directory = mkdtempSync(join(tmpdir(), 'modelwatch-html-'));
  const header = ['session_minutes', 'basket_value', 'plan', 'returning', hostileColumn];
  writeFileSync(join(directory, 'reference.csv'), toCsv(header, rows(3000, 11, false)));
  writeFileSync(join(directory, 'today.csv'), toCsv(header, rows(1500, 12, true)));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (directory !== '') rmSync(directory, { recursive: true, force: true });
});

describe('HTML report in headless Chromium', () => {
  it('renders one chart per feature with no error and no request, hostile names as text', async () => {
    expect(runModelwatch(directory, 'profile', 'reference.csv', '--out', 'profile.json').status).toBe(0);
    const check = runModelwatch(directory, 'check', '--reference', 'profile.json', 'today.csv', '--format', 'html', '--out', 'report.html');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(1);
    const json = JSON.parse(runModelwatch(directory, 'check', '--reference', 'profile.json', 'today.csv', '--format', 'json').stdout) as { features: { name: string; drifted: boolean }[] };

    const page = await (browser as Browser).newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(join(directory, 'report.html')).href;
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 });

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    const sections = page.locator('section.feature');
    expect(await sections.count()).toBe(json.features.length);
    expect(await page.locator('svg.distribution-chart').count()).toBe(json.features.length);
    for (let index = 0; index < json.features.length; index++) {
      const section = sections.nth(index);
      expect(await section.locator('svg.distribution-chart').count()).toBe(1);
      const chart = await section.locator('svg.distribution-chart').boundingBox();
      expect(chart?.width).toBeGreaterThan(100);
      expect(chart?.height).toBeGreaterThan(100);
      expect(await section.locator('rect.current').count()).toBeGreaterThan(1);
    }
    expect(await sections.locator('h2').allInnerTexts()).toEqual(json.features.map((f) => `${f.name} ${f.drifted ? 'DRIFTED' : 'no drift'}`));
    expect(await page.locator('section.feature svg text.bin', { hasText: '<img' }).count()).toBe(1);
    expect(await page.locator('#dataset').innerText()).toMatch(/rows \(current\)\s+1500/);
    expect(await page.locator('#quality table.failed').innerText()).toContain('new_category');

    await page.screenshot({ path: screenshotPath, fullPage: true });
    await page.close();
  }, 60_000);
});
