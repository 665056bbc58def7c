/** C emitter for GREATER_EQUAL → runtime/kernels/equal.c (the shared comparison kernels). */
import { comparisonEmitter } from './equal.js';

export const greaterEqualC = comparisonEmitter('GREATER_EQUAL', 'greater_equal');
