// Reproduces TFLM PADV2 (micro/kernels/pad.cc registers PADV2 with PAD's prepare and eval).
import { evalPad, preparePad } from './pad.js';
import { defineKernel } from './types.js';

export const padV2 = defineKernel({ op: 'PADV2', prepare: preparePad, eval: evalPad });
