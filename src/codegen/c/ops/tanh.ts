/** C emitter for TANH → runtime/kernels/tanh.c (int8 as a table of the TS kernel's results). */
import { type TanhParams, tanhInt8 } from '../../../kernels/tanh.js';
import { sigmoidEmitter } from './sigmoid-common.js';

export const tanhC = sigmoidEmitter<TanhParams>('TANH', 'tanh', tanhInt8);
