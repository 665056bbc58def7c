// Reproduces TFLM reference EQUAL: comparisons.cc + reference/comparisons.h (bool, float32, int32, int64 raw; int8 rescaled), with 4D broadcasting.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { multiplyByQuantizedMultiplierSmallerThanOneExp as mulSmall } from '../quant/fixed-point.js';
import { type InputRescales, inputRescales } from './add.js';
import {
  type BinaryOperands,
  binaryOperands,
  forEachRun,
  quantParams,
  requireSameDType,
  type ViewDType,
  viewOf,
} from './common/elementwise.js';
import { defineKernel, type Kernel, type PrepareContext } from './types.js';

export type Comparison = 'EQ' | 'NE' | 'LT' | 'LE' | 'GT' | 'GE';

export interface ComparisonParams extends BinaryOperands, InputRescales {
  comparison: Comparison;
  dtype: ViewDType;
  /** int8/int16: both inputs are brought to a common scale before comparing. */
  scaled: boolean;
  leftShift: number;
}

const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  EQ: (a, b) => a === b,
  NE: (a, b) => a !== b,
  LT: (a, b) => a < b,
  LE: (a, b) => a <= b,
  GT: (a, b) => a > b,
  GE: (a, b) => a >= b,
};

type Scaling = Omit<ComparisonParams, 'comparison' | 'dtype' | keyof BinaryOperands>;

const UNSCALED: Scaling = {
  scaled: false,
  leftShift: 0,
  input1Offset: 0,
  input1Multiplier: 0,
  input1Shift: 0,
  input2Offset: 0,
  input2Multiplier: 0,
  input2Shift: 0,
};

/** ComparisonsPrepare quantizes each input scale itself (it must lie in (0, 1)). */
function scaling(ctx: PrepareContext, inputs: GraphTensor[]): Scaling {
  const qs = inputs.map((t) => quantParams(ctx, t));
  const rescales = inputRescales(ctx, qs, [qs[0].scale, qs[1].scale], ' scale as');
  return { scaled: true, leftShift: 8, ...rescales };
}

function prepareComparison(
  ctx: PrepareContext,
  comparison: Comparison,
  dtypes: readonly ViewDType[],
): ComparisonParams {
  const inputs = [ctx.input(0), ctx.input(1)];
  const output = ctx.output(0);
  requireSameDType(ctx, inputs);
  if (output.dtype !== 'bool') ctx.fail(`output must be bool, got ${output.dtype}`);
  const dtype = inputs[0].dtype as ViewDType;
  if (!dtypes.includes(dtype)) ctx.unsupported(`dtype ${dtype}`);
  return {
    comparison,
    dtype,
    ...binaryOperands(ctx, inputs, 4),
    ...(dtype === 'int8' || dtype === 'int16' ? scaling(ctx, inputs) : UNSCALED),
  };
}

type Values = { [i: number]: number };

function evalComparison(p: ComparisonParams, store: TensorStore): void {
  const a = viewOf(store, p.input1, p.dtype) as unknown as Values;
  const b = viewOf(store, p.input2, p.dtype) as unknown as Values;
  const out = store.u8(p.output);
  const cmp = COMPARE[p.comparison];
  const scale = 2 ** p.leftShift;
  const { input1Offset: o1, input1Multiplier: m1, input1Shift: sh1 } = p;
  const { input2Offset: o2, input2Multiplier: m2, input2Shift: sh2 } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    if (p.scaled) {
      for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
        const x = mulSmall((o1 + a[i1]) * scale, m1, sh1);
        const y = mulSmall((o2 + b[i2]) * scale, m2, sh2);
        out[o + k] = cmp(x, y) ? 1 : 0;
      }
    } else {
      for (let k = 0; k < n; k++, i1 += s1, i2 += s2) out[o + k] = cmp(a[i1], b[i2]) ? 1 : 0;
    }
  });
}

/** A comparison kernel over the dtypes TFLM's eval switch accepts for that op. */
export function comparisonKernel(
  op: string,
  comparison: Comparison,
  dtypes: readonly ViewDType[],
): Kernel<ComparisonParams> {
  return defineKernel({
    op,
    alias: 'in-place',
    prepare: (ctx) => prepareComparison(ctx, comparison, dtypes),
    eval: evalComparison,
  });
}

export const equal = comparisonKernel('EQUAL', 'EQ', ['bool', 'float32', 'int32', 'int64', 'int8']);
