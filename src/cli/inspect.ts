/** `tinyforge inspect MODEL.tflite [--json]` */
import type { Command } from 'commander';
import { loadModel } from '../graph/load.js';
import { type InspectReport, inspectGraph, type TensorSummary } from '../inspect/inspect.js';
import { type CliIO, json, keyValues, paint, table } from './io.js';

export function registerInspectCommand(program: Command, io: CliIO): void {
  program
    .command('inspect')
    .description('list inputs, outputs, ops, MACs, weight bytes and the quantization verdict of a model')
    .argument('<model>', '.tflite model file')
    .option('--json', 'print one JSON object')
    .action((modelPath: string, opts: { json?: boolean }) => {
      const loaded = loadModel(modelPath);
      const report = inspectGraph(loaded.graph, loaded.bytes.byteLength);
      if (opts.json) json(io, report);
      else io.out(formatInspect(report, io));
    });
}

const shape = (s: number[] | null) => (s ? `[${s.join(',')}]` : '-');

function ioTable(ts: TensorSummary[]): string {
  return table(
    ['name', 'shape', 'dtype', 'scale', 'zero point', 'bytes'],
    ts.map((t) => [
      t.name,
      shape(t.shape),
      t.dtype,
      t.scale === null ? '-' : t.scale.toPrecision(6),
      t.zeroPoint ?? '-',
      t.bytes,
    ]),
  );
}

export function formatInspect(r: InspectReport, io: CliIO): string {
  const q = r.quantization;
  const yes = (b: boolean) => (b ? paint(io, 'green', 'yes') : paint(io, 'yellow', 'no'));
  const ops = table(
    ['#', 'op', 'inputs', 'outputs', 'act', 'MACs'],
    r.operators.map((o) => [
      o.index,
      o.opcode,
      o.inputShapes.map(shape).join(' '),
      o.outputShapes.map(shape).join(' '),
      o.activation && o.activation !== 'NONE' ? o.activation : '',
      o.macs,
    ]),
  );
  const hist = table(
    ['op', 'count'],
    Object.entries(r.opCounts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => [k, v]),
  );
  return [
    paint(io, 'bold', 'Inputs'),
    ioTable(r.inputs),
    paint(io, 'bold', 'Outputs'),
    ioTable(r.outputs),
    paint(io, 'bold', 'Operators'),
    ops,
    paint(io, 'bold', 'Op histogram'),
    hist,
    paint(io, 'bold', 'Totals'),
    keyValues([
      ['MACs', r.macs],
      ['weight bytes', r.weightBytes],
      ['model bytes', r.modelBytes],
      ['tensors', r.tensorCount],
    ]),
    paint(io, 'bold', 'Quantization'),
    keyValues([
      ['fully integer', yes(q.fullyInteger)],
      ['inputs integer', yes(q.inputsInteger)],
      ['outputs integer', yes(q.outputsInteger)],
      ['weights integer', yes(q.weightsInteger)],
      ['activations integer', yes(q.activationsInteger)],
      ['per-channel weights', q.perChannel ? 'yes' : 'no'],
      ['ops computing in float', q.floatOps.length ? q.floatOps.map((i) => `#${i}`).join(' ') : 'none'],
    ]),
  ].join('\n');
}
