/** C emitter for REDUCE_MIN → runtime/kernels/reduce_common.c (tf_reduce_min_*). */
import { extremeEmitter } from './reduce-max.js';

export const reduceMinC = extremeEmitter('REDUCE_MIN', 'min');
