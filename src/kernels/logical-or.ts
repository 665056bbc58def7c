// Reproduces TFLM reference LOGICAL_OR: logical.cc LogicalImpl (bool, 4D broadcasting).
import { logicalKernel } from './logical-and.js';

export const logicalOr = logicalKernel('LOGICAL_OR', true);
