/** report.md + charts/*.svg + a self-contained report.html, for one run and for a comparison. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFormatError, FileNotFoundError } from '../../src/errors.js';
import { confusionChart } from '../../src/report/charts.js';
import { labelRuns } from '../../src/report/comparison.js';
import { renderSvg } from '../../src/report/render.js';
import { readResults, writeReport } from '../../src/report/report.js';
import { makeResults, type ResultsFiles } from './support.js';

let files: ResultsFiles;
beforeAll(async () => {
  files = await makeResults();
});

/** Vega draws data marks in groups with the role-mark class; each must hold drawn elements. */
function dataMarks(svg: string): number {
  return (svg.match(/class="mark-[a-z]+ role-mark[^"]*"[^>]*>\s*<(path|line|text|rect)/g) ?? []).length;
}

describe('report', () => {
  it('writes a single-run report: markdown with chart files, HTML with the charts inline', async () => {
    const out = join(files.dir, 'single');
    const w = await writeReport([files.sine], out, '1.2.3');
    const md = readFileSync(w.markdown, 'utf8');
    for (const h of [
      '# sine on host',
      '## Metrics (regression)',
      '## Float vs int8',
      '## Latency',
      '## Per-op profile',
      '## Memory',
    ])
      expect(md).toContain(`\n${h}\n`);
    expect(md).toContain('| MAE |');
    const charts = readdirSync(join(out, 'charts')).sort();
    expect(charts).toEqual([
      'float-vs-int8.svg',
      'latency.svg',
      'memory-layout.svg',
      'ops.svg',
      'predictions.svg',
    ]);
    for (const c of charts) expect(md).toContain(`](charts/${c})`);
    for (const c of charts.filter((c) => c !== 'memory-layout.svg'))
      expect(dataMarks(readFileSync(join(out, 'charts', c), 'utf8'))).toBeGreaterThan(0);
    const html = readFileSync(w.html, 'utf8');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(5);
    expect(html).not.toMatch(/<script|<link|<img|src="http/);
    expect(html).toContain('Made by tinyforge 1.2.3');
  });

  it('draws a confusion matrix with per-class tables for classification, escaping names', async () => {
    const out = join(files.dir, 'classifier');
    const w = await writeReport([files.classifier], out, '1.2.3');
    const md = readFileSync(w.markdown, 'utf8');
    expect(md).toContain('| top-1 accuracy | 90.00 % |');
    expect(md).toContain('| class | precision | recall | F1 | support |');
    expect(md).toContain('![Confusion matrix](charts/confusion.svg)');
    const html = readFileSync(w.html, 'utf8');
    expect(html).toContain('<h1>classifier &lt;int8&gt; &amp; friends</h1>');
    expect(html).toContain('data-chart="confusion"');
  });

  it('compares several runs side by side, then shows each', async () => {
    const out = join(files.dir, 'compare');
    const w = await writeReport([files.sine, files.classifier, files.sine], out, '1.2.3');
    const md = readFileSync(w.markdown, 'utf8');
    expect(md.startsWith('<!-- tinyforge eval: 3 runs compared -->')).toBe(true);
    expect(md).toContain('# Comparison of 3 runs');
    expect(md).toMatch(
      /\|\s+\| sine on host @ host \(1\) \| classifier &lt;int8> & friends \| sine on host @ host \(3\) \|/,
    );
    for (const c of [
      'compare-metrics',
      'compare-latency',
      'compare-memory',
      'run1-latency',
      'run2-confusion',
      'run3-ops',
    ])
      expect(md).toContain(`](charts/${c}.svg)`);
    expect(md).toContain('## classifier &lt;int8> & friends');
    expect(md).toContain('### Float vs int8');
  });

  it('labels runs by name, adding the device and then a number when names clash', () => {
    const r = files.sineResults;
    const labels = labelRuns([
      r,
      { ...r, device: { ...r.device, spec: 'native' } },
      { ...r, name: 'other' },
    ]).map((x) => x.label);
    expect(labels).toEqual(['sine on host @ host', 'sine on host @ native', 'other']);
  });

  it('refuses files that are not eval results', () => {
    writeFileSync(join(files.dir, 'plan.json'), '{"arenaBytes": 3}');
    expect(() => readResults(join(files.dir, 'plan.json'))).toThrow(DataFormatError);
    expect(() => readResults(join(files.dir, 'absent.json'))).toThrow(FileNotFoundError);
  });

  it('renders Vega-Lite to SVG without a browser', async () => {
    const svg = await renderSvg(
      confusionChart({
        count: 3,
        accuracy: 2 / 3,
        topK: { 1: 2 / 3 },
        classes: ['yes', 'no'],
        confusion: [
          [1, 1],
          [0, 1],
        ],
        perClass: [],
        macroF1: 0,
      }),
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>yes<');
    expect(dataMarks(svg)).toBe(2);
  });
});
