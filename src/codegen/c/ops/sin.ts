/** C emitter for SIN → runtime/kernels/sin.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const sinC = unaryFloatEmitter('SIN', 'tf_sin_f32', 'kernels/sin.c');
