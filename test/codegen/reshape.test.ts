/**
 * RESHAPE, SQUEEZE, EXPAND_DIMS have no C kernel: the generator turns each into nothing (a view
 * of the same arena bytes) or one memcpy (between app-owned buffers or from flash). Chains with
 * the group's C kernels check both against the interpreter.
 */
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { hostCcAvailable } from '../support/toolchains.js';
import {
  kernelCalls,
  mismatches,
  modelCase,
  type NativeCase,
  opCase,
  runBoth,
} from './shape-group-support.js';

const ints = (values: number[], shape = [values.length]) => ({
  dtype: 'int32' as const,
  shape,
  data: values,
});
const i8 = (shape: number[]) => ({ dtype: 'int8' as const, shape, quant: { scale: 0.5, zeroPoint: -2 } });

/** input → PAD → RESHAPE → TRANSPOSE → output: the reshape is a view inside the arena. */
function padReshapeTranspose(): NativeCase {
  const mb = new ModelBuilder();
  const x = mb.addInput(i8([2, 3]));
  const padded = mb.addTensor(i8([4, 3]));
  const flat = mb.addTensor(i8([2, 6]));
  const out = mb.addTensor(i8([6, 2]));
  mb.addOperator('PAD', [x, mb.addTensor(ints([1, 1, 0, 0], [2, 2]))], [padded]);
  mb.addOperator('RESHAPE', [padded, mb.addTensor(ints([2, 6]))], [flat]);
  mb.addOperator('TRANSPOSE', [flat, mb.addTensor(ints([1, 0]))], [out]);
  mb.markOutputs(out);
  return modelCase('pad → reshape → transpose', mb, [6]);
}

/** A squeezed input concatenated with an expanded one; the squeeze output is also a graph output. */
function squeezeAndExpand(): NativeCase {
  const mb = new ModelBuilder();
  const x = mb.addInput({ dtype: 'float32', shape: [1, 3, 1] });
  const y = mb.addInput({ dtype: 'float32', shape: [3] });
  const squeezed = mb.addTensor({ dtype: 'float32', shape: [1, 3] });
  const expanded = mb.addTensor({ dtype: 'float32', shape: [1, 3] });
  const joined = mb.addTensor({ dtype: 'float32', shape: [2, 3] });
  mb.addOperator('SQUEEZE', [x], [squeezed], { squeezeDims: [2] });
  mb.addOperator('EXPAND_DIMS', [y, mb.addTensor(ints([0], []))], [expanded]);
  mb.addOperator('CONCATENATION', [expanded, squeezed], [joined], {
    axis: 0,
    fusedActivationFunction: 'NONE',
  });
  mb.markOutputs(joined, squeezed);
  return modelCase('squeeze + expand_dims → concatenation', mb, [12, 12]);
}

/** A constant viewed by EXPAND_DIMS before a kernel reads it. */
function constantView(): NativeCase {
  const mb = new ModelBuilder();
  const x = mb.addInput({ dtype: 'int8', shape: [1, 2] });
  const c = mb.addTensor({ dtype: 'int8', shape: [2], data: [5, -6] });
  const expanded = mb.addTensor({ dtype: 'int8', shape: [1, 2] });
  const joined = mb.addTensor({ dtype: 'int8', shape: [2, 2] });
  mb.addOperator('EXPAND_DIMS', [c, mb.addTensor(ints([0], []))], [expanded]);
  mb.addOperator('CONCATENATION', [x, expanded], [joined], { axis: 0, fusedActivationFunction: 'NONE' });
  mb.markOutputs(joined);
  return modelCase('constant → expand_dims → concatenation', mb, [2]);
}

const CASES = [
  opCase('reshape input straight to output', 'RESHAPE', [i8([2, 3]), ints([3, 2])], [i8([3, 2])]),
  opCase(
    'squeeze input straight to output',
    'SQUEEZE',
    [{ dtype: 'int16', shape: [1, 4, 1] }],
    [{ dtype: 'int16', shape: [4] }],
  ),
  opCase(
    'expand_dims input straight to output',
    'EXPAND_DIMS',
    [{ dtype: 'float32', shape: [3] }, ints([-1], [])],
    [{ dtype: 'float32', shape: [3, 1] }],
  ),
  padReshapeTranspose(),
  squeezeAndExpand(),
];

describe.skipIf(!hostCcAvailable)('C: view ops (RESHAPE / SQUEEZE / EXPAND_DIMS) in the generator', () => {
  it('match the interpreter byte for byte, copying only where the bytes live elsewhere', {
    timeout: 120_000,
  }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    const calls = results.map((r) => kernelCalls(r).join());
    expect(calls.slice(0, 3)).toEqual(['memcpy', 'memcpy', 'memcpy']);
    expect(results[3].source).toMatch(/a view: the output shares the input bytes/);
    expect(calls[3]).toBe('tf_pad,tf_strided_copy');
  });

  // The generator's view copy from flash names the constant without declaring it (generate.ts
  // viewCode uses pointerExpr, not the context's tensor()): the build fails until that is fixed.
  it('a constant viewed before a kernel reads it builds and matches', {
    timeout: 120_000,
  }, async () => {
    expect(mismatches(await runBoth([constantView()]))).toEqual([]);
  });
});
