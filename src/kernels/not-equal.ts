// Reproduces TFLM reference NOT_EQUAL: comparisons.cc + reference/comparisons.h (bool, float32, int32, int64 raw; int8 rescaled), with 4D broadcasting.
import { comparisonKernel } from './equal.js';

export const notEqual = comparisonKernel('NOT_EQUAL', 'NE', ['bool', 'float32', 'int32', 'int64', 'int8']);
