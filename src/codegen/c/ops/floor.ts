/** C emitter for FLOOR → runtime/kernels/floor.c */
import { unaryFloatEmitter } from './elementwise-common.js';

export const floorC = unaryFloatEmitter('FLOOR', 'tf_floor_f32', 'kernels/floor.c');
