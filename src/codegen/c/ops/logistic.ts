/** C emitter for LOGISTIC → runtime/kernels/logistic.c (int8 as a table of the TS kernel's results). */
import { type LogisticParams, logisticInt8 } from '../../../kernels/logistic.js';
import { sigmoidEmitter } from './sigmoid-common.js';

export const logisticC = sigmoidEmitter<LogisticParams>('LOGISTIC', 'logistic', logisticInt8);
