// Reproduces TFLM reference LESS: comparisons.cc + reference/comparisons.h (float32, int32, int64 raw; int8 rescaled), with 4D broadcasting.
import { comparisonKernel } from './equal.js';

export const less = comparisonKernel('LESS', 'LT', ['float32', 'int32', 'int64', 'int8']);
