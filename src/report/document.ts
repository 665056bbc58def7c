/** A report as plain blocks (headings, tables, charts) that markdown.ts and html.ts both render. */

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: 'chart'; name: string; title: string; svg: string; source: 'vega' | 'layout' }
  | { kind: 'list'; items: string[] };

export interface ReportDocument {
  title: string;
  blocks: Block[];
}

/** Short, stable number text: integers grouped, others to 4 significant digits. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  const a = Math.abs(n);
  if (a >= 1000) return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return Number(n.toPrecision(4)).toString();
}

export const pct = (n: number): string => `${(100 * n).toFixed(2)} %`;

export function signed(n: number): string {
  return n > 0 ? `+${fmt(n)}` : fmt(n);
}

export function table(header: string[], rows: (string | number)[][]): Block {
  return {
    kind: 'table',
    header,
    rows: rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c))),
    numeric: header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number')),
  };
}

export function kib(n: number): string {
  return n >= 1024 ? `${fmt(n)} B (${(n / 1024).toFixed(1)} KiB)` : `${fmt(n)} B`;
}
