/**
 * @jest-environment node
 */
// The real DriftPanel with real PanelProps inside Grafana's theme, in headless Chromium (Debian's
// chromium driven by playwright-core): checks the DOM of every view in both themes, that the page
// logged no error, and writes the screenshots docs/img/panel-<scene>-<theme>.png.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bundleHarness } from './bundle-harness';
import { serveHarness } from './serve-harness';
import { AMOUNT_INCREASE, AMOUNT_REFERENCE, SEGMENTS, TABLE_FEATURES } from '../../src/__fixtures__/values';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SCREENSHOT_DIR = path.resolve(__dirname, '../../../docs/img');
const THEMES = ['light', 'dark'] as const;

jest.setTimeout(60_000);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await serveHarness(await bundleHarness());
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a scene and collects page errors and console errors while it renders. */
async function openScene(scene: string, theme: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 960, height: 440 }, deviceScaleFactor: 1 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    // a failed request is reported above with its URL
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  await page.goto(`${server.url}?scene=${scene}&theme=${theme}`);
  await page.getByTestId('panel-chrome').waitFor();
  return { page, problems };
}

async function screenshot(page: Page, scene: string, theme: string): Promise<void> {
  const file = path.join(SCREENSHOT_DIR, `panel-${scene}-${theme}.png`);
  await page.getByTestId('panel-chrome').screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(5_000);
}

const heightOf = async (page: Page, selector: string): Promise<number[]> =>
  page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));

describe.each(THEMES)('panel in headless Chromium, %s theme', (theme) => {
  it('distribution: both series as bars, header values, bars sized by their fractions', async () => {
    const { page, problems } = await openScene('distribution', theme);
    await page.getByTestId('distribution-view').waitFor();
    expect(await page.getByTestId('distribution-bar-reference').count()).toBe(AMOUNT_REFERENCE.length);
    expect(await page.getByTestId('distribution-bar-current').count()).toBe(AMOUNT_INCREASE.length);
    expect(await page.getByTestId('distribution-header-feature').textContent()).toBe('amount');
    expect(await page.getByTestId('distribution-header-score').textContent()).toBe('0.417');
    expect(await page.getByTestId('distribution-header-method').textContent()).toBe('psi');
    expect(await page.getByTestId('distribution-header-threshold').textContent()).toBe('0.200');
    expect(await page.getByTestId('distribution-header-samples').textContent()).toBe('5,400');
    const current = await heightOf(page, '[data-testid="distribution-bar-current"]');
    const reference = await heightOf(page, '[data-testid="distribution-bar-reference"]');
    // rendered heights are proportional to the input counts / fractions
    const total = AMOUNT_INCREASE.reduce((a, b) => a + b, 0);
    const refTotal = AMOUNT_REFERENCE.reduce((a, b) => a + b, 0);
    const pxPerUnit = (current[0] ?? 0) / ((AMOUNT_INCREASE[0] ?? 1) / total);
    AMOUNT_INCREASE.forEach((count, i) => expect(current[i]).toBeCloseTo((count / total) * pxPerUnit, 0));
    AMOUNT_REFERENCE.forEach((fraction, i) => expect(reference[i]).toBeCloseTo((fraction / refTotal) * pxPerUnit, 0));
    await screenshot(page, 'distribution', theme);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('distribution of a categorical feature: top categories, "other" last, p-value shown', async () => {
    const { page, problems } = await openScene('categorical', theme);
    await page.getByTestId('distribution-view').waitFor();
    expect(await page.getByTestId('distribution-bar-current').count()).toBe(6);
    const labels = await page.getByTestId('distribution-bin-label').allTextContents();
    expect(labels.at(-1)).toBe('other');
    expect(await page.getByTestId('distribution-header-pvalue').textContent()).toBe('3.20e-9');
    await screenshot(page, 'categorical', theme);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('drift table: a row per feature, states coloured by severity, sparklines drawn', async () => {
    const { page, problems } = await openScene('table', theme);
    await page.getByTestId('drift-table-view').waitFor();
    const rows = page.getByTestId('drift-table-row');
    expect(await rows.count()).toBe(TABLE_FEATURES.length);
    const amount = page.locator('[data-testid="drift-table-row"][data-feature="amount"]');
    expect(await amount.getByTestId('drift-table-state').textContent()).toBe('drift');
    expect(await amount.getByTestId('drift-table-score').textContent()).toBe('0.420');
    const badge = (feature: string) =>
      page
        .locator(`[data-testid="drift-table-row"][data-feature="${feature}"] [data-testid="drift-table-state"]`)
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    const drift = await badge('amount');
    const ok = await badge('device');
    const warning = await badge('income');
    expect(new Set([drift, ok, warning]).size).toBe(3);
    const points = await page.locator('[data-testid="sparkline"] polyline').count();
    expect(points).toBe(TABLE_FEATURES.length);
    await screenshot(page, 'table', theme);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('segments: a heatmap cell per segment × time, the overflow row last and labelled', async () => {
    const { page, problems } = await openScene('segments', theme);
    await page.getByTestId('segments-view').waitFor();
    expect(await page.getByTestId('segments-cell').count()).toBe(SEGMENTS.length * 12);
    const rowKeys = await page.locator('[data-testid^="segments-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(rowKeys.at(-1)).toBe('__overflow__');
    expect(await page.getByTestId('segments-row-overflow').isVisible()).toBe(true);
    expect(await page.getByTestId('segments-row-overflow').textContent()).toContain('__overflow__');
    const colours = await page.getByTestId('segments-cell').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(colours).size).toBeGreaterThan(5);
    await screenshot(page, 'segments', theme);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("no data: Grafana runtime's data-error view instead of a view", async () => {
    const { page, problems } = await openScene('empty', theme);
    await page.getByText('Unable to render data').waitFor();
    expect(await page.getByTestId('drift-table-view').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
