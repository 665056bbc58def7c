/** C emitter for NEG → runtime/kernels/neg.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const negC = unaryFloatEmitter('NEG', 'tf_neg_f32', 'kernels/neg.c');
