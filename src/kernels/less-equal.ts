// Reproduces TFLM reference LESS_EQUAL: comparisons.cc + reference/comparisons.h (float32, int32, int64 raw; int8 rescaled), with 4D broadcasting.
import { comparisonKernel } from './equal.js';

export const lessEqual = comparisonKernel('LESS_EQUAL', 'LE', ['float32', 'int32', 'int64', 'int8']);
