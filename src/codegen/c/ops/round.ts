/** C emitter for ROUND → runtime/kernels/round.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const roundC = unaryFloatEmitter('ROUND', 'tf_round_f32', 'kernels/round.c');
