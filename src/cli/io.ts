/** Where the CLI writes, and how it formats: aligned tables, colour only on a TTY. */

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Colour and spinners only when a human is watching. */
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
export type Colour = keyof typeof CODES;

export function paint(io: CliIO, colour: Colour, text: string): string {
  return io.isTTY ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text;
}

export type Cell = string | number;

/** Formats rows as an aligned table; numeric columns are right-aligned. */
export function table(header: string[], rows: Cell[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: Cell[]) =>
    r
      .map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return `${[line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n')}\n`;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Math.abs(n) >= 100 ? n.toFixed(1) : Math.abs(n) >= 1 ? n.toFixed(3) : n.toPrecision(4);
}

export function json(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** key: value lines with aligned values. */
export function keyValues(pairs: [string, Cell][]): string {
  const w = Math.max(...pairs.map(([k]) => k.length));
  return `${pairs
    .map(([k, v]) => `${`${k}:`.padEnd(w + 1)}  ${typeof v === 'number' ? formatNumber(v) : v}`)
    .join('\n')}\n`;
}
