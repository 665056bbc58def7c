// Reproduces TFLM reference LOG: elementwise.cc LogEval (std::log on float32; libm may differ in the last bit).
import { unaryFloatKernel } from './common/elementwise.js';

export const log = unaryFloatKernel('LOG', (x) => Math.fround(Math.log(x)));
