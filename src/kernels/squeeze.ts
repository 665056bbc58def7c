// Reproduces TFLM SQUEEZE (micro/kernels/squeeze.cc): removes size-1 dimensions; a byte copy, skipped in place.
import { evalView, movedWidth, normalizeAxis, sameShape, type ViewParams } from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

/** Which input dimensions go: the listed ones (each must be 1), or every 1 when none are listed. */
function squeezedDims(ctx: PrepareContext, inputShape: number[]): boolean[] {
  const listed = (ctx.op.options.squeezeDims as number[] | null | undefined) ?? [];
  if (listed.length === 0) return inputShape.map((d) => d === 1);
  const squeeze = inputShape.map(() => false);
  for (const dim of listed) {
    const a = normalizeAxis(ctx, dim, inputShape.length, 'squeeze dimension');
    if (inputShape[a] !== 1) ctx.fail(`dimension ${dim} of input [${inputShape}] is not 1`);
    squeeze[a] = true;
  }
  return squeeze;
}

function prepare(ctx: PrepareContext): ViewParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (ctx.op.inputs.length !== 1) ctx.fail(`expects 1 input, got ${ctx.op.inputs.length}`);
  movedWidth(ctx, input, output);
  if (input.shape.length > 8) ctx.unsupported(`rank ${input.shape.length} (at most 8)`);
  const squeeze = squeezedDims(ctx, input.shape);
  const shape = input.shape.filter((_, i) => !squeeze[i]);
  if (!sameShape(shape, output.shape))
    ctx.fail(`output [${output.shape}] is not input [${input.shape}] squeezed to [${shape}]`);
  return { input: input.index, output: output.index, shape };
}

export const squeeze = defineKernel({ op: 'SQUEEZE', prepare, eval: evalView, alias: 'view' });
