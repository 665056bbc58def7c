// Reproduces TFLM reference COS: elementwise.cc CosEval (std::cos on float32; libm may differ in the last bit).
import { unaryFloatKernel } from './common/elementwise.js';

export const cos = unaryFloatKernel('COS', (x) => Math.fround(Math.cos(x)));
