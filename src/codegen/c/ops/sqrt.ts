/** C emitter for SQRT → runtime/kernels/sqrt.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const sqrtC = unaryFloatEmitter('SQRT', 'tf_sqrt_f32', 'kernels/sqrt.c');
