// Reproduces TFLM reference SQUARE: elementwise.cc SquareEval (f * f in float32).
import { unaryFloatKernel } from './common/elementwise.js';

export const square = unaryFloatKernel('SQUARE', (x) => Math.fround(x * x));
