// Reproduces TFLM reference NEG: neg.cc + reference/neg.h (float32).
import { unaryFloatKernel } from './common/elementwise.js';

export const neg = unaryFloatKernel('NEG', (x) => -x);
