// Reproduces TFLM reference CEIL: ceil.cc + reference/ceil.h (std::ceil on float32).
import { unaryFloatKernel } from './common/elementwise.js';

export const ceil = unaryFloatKernel('CEIL', Math.ceil);
