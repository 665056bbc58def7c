/** C emitter for LESS_EQUAL → runtime/kernels/equal.c (the shared comparison kernels). */
import { comparisonEmitter } from './equal.js';

export const lessEqualC = comparisonEmitter('LESS_EQUAL', 'less_equal');
