/** C emitter for LOGICAL_OR → runtime/kernels/logical_and.c */
import { logicalEmitter } from './logical-and.js';

export const logicalOrC = logicalEmitter('LOGICAL_OR', 'tf_logical_or_b8');
