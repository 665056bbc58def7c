/** report.md: GitHub-flavoured markdown; charts are SVG files beside it, under charts/. */
import type { Block, ReportDocument } from './document.js';

/** `<` would start raw HTML in most markdown renderers. */
const text = (s: string) => s.replace(/</g, '&lt;');
const cell = (s: string) => text(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdTable(b: Extract<Block, { kind: 'table' }>): string {
  const head = `| ${b.header.map(cell).join(' | ')} |`;
  const rule = `|${b.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  return [head, rule, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function chartFile(name: string): string {
  return `charts/${name}.svg`;
}

function mdBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${text(b.text)}`;
    case 'text':
      return text(b.text);
    case 'list':
      return b.items.map((i) => `- ${text(i)}`).join('\n');
    case 'table':
      return mdTable(b);
    case 'chart':
      return `![${b.title}](${chartFile(b.name)})`;
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  return `${[`<!-- ${doc.title} -->`, ...doc.blocks.map(mdBlock)].join('\n\n')}\n`;
}
