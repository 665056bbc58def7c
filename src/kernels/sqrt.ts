// Reproduces TFLM reference SQRT: elementwise.cc SqrtEval (std::sqrt on float32).
import { unaryFloatKernel } from './common/elementwise.js';

export const sqrt = unaryFloatKernel('SQRT', (x) => Math.fround(Math.sqrt(x)));
