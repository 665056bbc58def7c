/** C emitter for NOT_EQUAL → runtime/kernels/equal.c (the shared comparison kernels). */
import { comparisonEmitter } from './equal.js';

export const notEqualC = comparisonEmitter('NOT_EQUAL', 'not_equal');
