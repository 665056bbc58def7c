// Reproduces TFLM reference EXP: exp.cc + reference/exp.h (std::exp on float32; libm may differ in the last bit).
import { unaryFloatKernel } from './common/elementwise.js';

export const exp = unaryFloatKernel('EXP', (x) => Math.fround(Math.exp(x)));
