/**
 * report.html in headless Chromium (Debian's, driven by playwright-core): it opens without
 * console errors, every chart is drawn, and a full-page screenshot comes out at the right size.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/report.js';
import { makeResults, type ResultsFiles } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 900 };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

interface ChartCheck {
  name: string;
  source: string;
  width: number;
  height: number;
  marks: number;
}

describe.skipIf(!existsSync(CHROMIUM))('report in a browser', () => {
  let browser: Browser;
  let files: ResultsFiles;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    files = await makeResults();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(results: string[], name: string) {
    const w = await writeReport(results, join(files.dir, name), '0.0.0-test');
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(w.html).href, { waitUntil: 'load' });
    return { page, errors, written: w };
  }

  /** Each figure's SVG: laid out with a size, and holding drawn data marks (Vega) or boxes (layout). */
  const chartChecks = (page: Awaited<ReturnType<typeof open>>['page']) =>
    page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const marks =
          f.getAttribute('data-source') === 'vega'
            ? svg?.querySelectorAll(
                '.role-mark > path, .role-mark > line, .role-mark > text, .role-mark > rect',
              ).length
            : svg?.querySelectorAll('rect[stroke]').length;
        return {
          name: f.getAttribute('data-chart') ?? '',
          source: f.getAttribute('data-source') ?? '',
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: marks ?? 0,
        };
      }),
    );

  function expectDrawn(charts: ChartCheck[], names: string[]): void {
    expect(charts.map((c) => c.name)).toEqual(names);
    for (const c of charts) {
      expect(c.width, c.name).toBeGreaterThan(50);
      expect(c.height, c.name).toBeGreaterThan(50);
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
  }

  it('opens the single-run report without errors and draws every chart', async () => {
    const { page, errors } = await open([files.sine], 'browser-single');
    expectDrawn(await chartChecks(page), ['predictions', 'float-vs-int8', 'latency', 'ops', 'memory-layout']);
    expect(await page.title()).toBe('tinyforge eval: sine on host');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the comparison report without errors and draws every chart', async () => {
    const { page, errors } = await open([files.sine, files.classifier], 'browser-compare');
    const charts = await chartChecks(page);
    // Three comparison charts, five for the sine run, four for the classifier (its arena is empty).
    expect(charts.length).toBe(12);
    expectDrawn(
      charts,
      charts.map((c) => c.name),
    );
    expect(charts.map((c) => c.name)).toContain('run2-confusion');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a full-page screenshot of the report', async () => {
    const { page } = await open([files.classifier], 'browser-shot');
    const shot = join(files.dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    const height = await page.$eval('html', (html) => html.scrollHeight);
    await page.close();
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(pngSize(shot)).toEqual({ width: VIEWPORT.width, height });
    expect(height).toBeGreaterThan(VIEWPORT.height);
  });
});
