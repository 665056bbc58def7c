/** A CSV file with a header row: feature columns plus a label column or target columns. */
import { readFileSync } from 'node:fs';
import { DataFormatError } from '../../errors.js';
import type { DatasetSpec } from '../scenario.js';
import { checkSampleSize, type Dataset, type DatasetContext } from './dataset.js';

type CsvSpec = Extract<DatasetSpec, { type: 'csv' }>;

/** Splits one line; double quotes group a field and "" is a literal quote, as RFC 4180. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

function columnIndex(header: string[], name: string, path: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new DataFormatError(`${path} has no column "${name}" (columns: ${header.join(', ')})`);
  return i;
}

function numberAt(row: string[], col: number, where: string): number {
  const v = Number(row[col]);
  if (row[col] === '' || !Number.isFinite(v))
    throw new DataFormatError(`${where}: "${row[col]}" is not a number`);
  return v;
}

/** Class names: the scenario's, else numeric labels in order, else sorted distinct names. */
function classNames(values: string[], given: string[] | undefined): string[] {
  if (given) return given;
  const distinct = [...new Set(values)];
  if (distinct.every((v) => /^\d+$/.test(v))) {
    const max = Math.max(...distinct.map(Number));
    return Array.from({ length: max + 1 }, (_, i) => String(i));
  }
  return distinct.sort();
}

export function openCsv(spec: CsvSpec, ctx: DatasetContext): Dataset {
  const lines = readFileSync(spec.path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length < 1) throw new DataFormatError(`${spec.path} is empty`, 'a CSV needs a header row');
  const header = splitCsvLine(lines[0], spec.delimiter);
  const rows = lines.slice(1).map((l) => splitCsvLine(l, spec.delimiter));
  const labelCol = spec.label === undefined ? -1 : columnIndex(header, spec.label, spec.path);
  const targetCols = (spec.targets ?? []).map((t) => columnIndex(header, t, spec.path));
  const featureCols = spec.features
    ? spec.features.map((f) => columnIndex(header, f, spec.path))
    : header.flatMap((_, i) => (i === labelCol || targetCols.includes(i) ? [] : [i]));
  checkSampleSize(spec.path, featureCols.length, ctx);
  const classes =
    labelCol >= 0
      ? classNames(
          rows.map((r) => r[labelCol]),
          ctx.classes,
        )
      : null;
  const where = (i: number) => `${spec.path} line ${i + 2}`;
  return {
    size: rows.length,
    classes,
    sample: (i) => {
      const row = rows[i];
      const x = Float64Array.from(featureCols.map((c) => numberAt(row, c, where(i))));
      if (ctx.task === 'regression')
        return { x, label: null, target: targetCols.map((c) => numberAt(row, c, where(i))) };
      const label = classes!.indexOf(row[labelCol]);
      if (label < 0) throw new DataFormatError(`${where(i)}: unknown class "${row[labelCol]}"`);
      return { x, label, target: null };
    },
  };
}
