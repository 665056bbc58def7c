/** C emitter for COS → runtime/kernels/cos.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const cosC = unaryFloatEmitter('COS', 'tf_cos_f32', 'kernels/cos.c');
