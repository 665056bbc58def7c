// Reproduces TFLM reference GREATER_EQUAL: comparisons.cc + reference/comparisons.h (float32, int32, int64 raw; int8 rescaled), with 4D broadcasting.
import { comparisonKernel } from './equal.js';

export const greaterEqual = comparisonKernel('GREATER_EQUAL', 'GE', ['float32', 'int32', 'int64', 'int8']);
