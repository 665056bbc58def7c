/** C emitter for CEIL → runtime/kernels/ceil.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const ceilC = unaryFloatEmitter('CEIL', 'tf_ceil_f32', 'kernels/ceil.c');
