// Reproduces TFLM reference SIN: elementwise.cc SinEval (std::sin on float32; libm may differ in the last bit).
import { unaryFloatKernel } from './common/elementwise.js';

export const sin = unaryFloatKernel('SIN', (x) => Math.fround(Math.sin(x)));
