// Reproduces TFLM reference FLOOR: floor.cc + reference/floor.h (std::floor on float32).
import { unaryFloatKernel } from './common/elementwise.js';

export const floor = unaryFloatKernel('FLOOR', Math.floor);
