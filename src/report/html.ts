/** report.html: one self-contained file (inline CSS and SVG, no scripts, nothing fetched). */
import type { Block, ReportDocument } from './document.js';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font:14px/1.45 Helvetica,Arial,sans-serif;color:#222;max-width:1180px;margin:24px auto;padding:0 16px}
h1{font-size:24px;border-bottom:2px solid #4c78a8;padding-bottom:4px}
h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ddd}
h3{font-size:16px;margin-top:24px}
table{border-collapse:collapse;margin:8px 0 16px}
th,td{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f4f6f9}
td.num{text-align:right;font-variant-numeric:tabular-nums}
figure.chart{margin:12px 0 24px;overflow-x:auto}
ul.notes{background:#fff8e1;border-left:4px solid #f5a623;padding:8px 8px 8px 28px}
footer{margin-top:40px;color:#777;font-size:12px}
`;

function htmlTable(b: Extract<Block, { kind: 'table' }>): string {
  const blankHeader = b.header.every((h) => h === '');
  const head = blankHeader
    ? ''
    : `<thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = b.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${b.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>${head}<tbody>\n${rows}\n</tbody></table>`;
}

/** Drops the XML prolog a standalone SVG may carry; inline SVG must not have one. */
const inlineSvg = (svg: string) => svg.replace(/^<\?xml[^>]*>\s*/, '');

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'text':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul class="notes">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return htmlTable(b);
    case 'chart':
      // Every chart carries its own title, so the figure only names it for assistive technology.
      return `<figure class="chart" data-chart="${escapeHtml(b.name)}" data-source="${b.source}" aria-label="${escapeHtml(b.title)}">\n${inlineSvg(b.svg)}</figure>`;
  }
}

export function renderHtml(doc: ReportDocument, footer: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...doc.blocks.map(htmlBlock),
    `<footer>${escapeHtml(footer)}</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}
