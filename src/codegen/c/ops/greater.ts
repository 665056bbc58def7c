/** C emitter for GREATER → runtime/kernels/equal.c (the shared comparison kernels). */
import { comparisonEmitter } from './equal.js';

export const greaterC = comparisonEmitter('GREATER', 'greater');
