/** C emitter for ARG_MIN → runtime/kernels/arg_max.c (tf_arg_min_*). */
import { argMinMaxEmitter } from './arg-max.js';

export const argMinC = argMinMaxEmitter('ARG_MIN', 'min');
