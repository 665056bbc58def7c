/** C emitter for LESS → runtime/kernels/equal.c (the shared comparison kernels). */
import { comparisonEmitter } from './equal.js';

export const lessC = comparisonEmitter('LESS', 'less');
