/** C emitter for SQUARE → runtime/kernels/square.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const squareC = unaryFloatEmitter('SQUARE', 'tf_square_f32', 'kernels/square.c');
