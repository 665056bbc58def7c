/** C emitter for LOG → runtime/kernels/log.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const logC = unaryFloatEmitter('LOG', 'tf_log_f32', 'kernels/log.c');
