/** `tinyforge ops [--json]` — the operators the interpreter supports. */
import type { Command } from 'commander';
import { REGISTRY } from '../kernels/registry.js';
import { type CliIO, json, table } from './io.js';

export function registerOpsCommand(program: Command, io: CliIO): void {
  program
    .command('ops')
    .description('list the TFLite operators tinyforge supports')
    .option('--json', 'print one JSON object')
    .action((opts: { json?: boolean }) => {
      const ops = [...REGISTRY.values()]
        .map((k) => ({ opcode: k.op, alias: k.alias ?? null, scratch: Boolean(k.scratchBytes) }))
        .sort((a, b) => a.opcode.localeCompare(b.opcode));
      if (opts.json) json(io, { operators: ops });
      else
        io.out(
          table(
            ['op', 'memory'],
            ops.map((o) => [o.opcode, o.alias ?? '']),
          ),
        );
    });
}
