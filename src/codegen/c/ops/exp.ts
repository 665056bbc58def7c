/** C emitter for EXP → runtime/kernels/exp.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const expC = unaryFloatEmitter('EXP', 'tf_exp_f32', 'kernels/exp.c');
