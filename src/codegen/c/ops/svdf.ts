/** C emitter for SVDF → runtime/kernels/svdf.c (the state is the op's variable tensor). */
import type { SvdfParams } from '../../../kernels/svdf.js';
import type { Activation } from '../../../tflite/schema.js';
import { defineEmitter } from '../context.js';

/** TFLite ActivationFunctionType codes, as runtime/kernels/svdf.h names them. */
const ACTIVATIONS: Record<Activation, number> = {
  NONE: 0,
  RELU: 1,
  RELU_N1_TO_1: 2,
  RELU6: 3,
  TANH: 4,
  SIGN_BIT: 5,
};

const FUNCTIONS: Record<SvdfParams['kind'], string> = {
  float32: 'tf_svdf_f32',
  int8: 'tf_svdf_s8',
  int16: 'tf_svdf_s8_s16',
};

export const svdfC = defineEmitter<SvdfParams>({
  op: 'SVDF',
  sources: () => ['kernels/svdf.c'],
  emit(p, ctx) {
    const params = ctx.params('tf_svdf_t', {
      batches: p.batches,
      input_size: p.inputSize,
      filters: p.filters,
      units: p.units,
      rank: p.rank,
      memory: p.memory,
      activation: ACTIVATIONS[p.activation],
      input_zero_point: p.inputZeroPoint,
      state_zero_point: p.stateZeroPoint,
      output_zero_point: p.outputZeroPoint,
      multiplier1: p.multiplier1,
      shift1: p.shift1,
      multiplier2: p.multiplier2,
      shift2: p.shift2,
    });
    const args = [p.input, p.weightsFeature, p.weightsTime].map((t) => ctx.tensor(t));
    args.push(ctx.optTensor(p.bias), ctx.tensor(p.state), ctx.tensor(p.output));
    return { code: `${FUNCTIONS[p.kind]}(${params}, ${args.join(', ')});` };
  },
});
