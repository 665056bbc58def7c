// Reproduces TFLM reference GREATER: comparisons.cc + reference/comparisons.h (float32, int32, int64 raw; int8 and int16 rescaled), with 4D broadcasting.
import { comparisonKernel } from './equal.js';

export const greater = comparisonKernel('GREATER', 'GT', ['float32', 'int32', 'int64', 'int8', 'int16']);
