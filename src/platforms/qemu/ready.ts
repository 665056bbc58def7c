/**
 * Waits for the firmware's ready byte (a lone 0x00, see runtime/platform/cortex_m/app/tf_main.c)
 * before the first request: QEMU holds bytes that reach the CMSDK UART before the firmware has
 * enabled its receiver for up to a second. Anything else first means the firmware did not
 * start (e.g. the model refused its buffers); its text then goes into the error.
 */
import { TransportError } from '../../errors.js';
import type { Transport } from '../../transport/transport.js';

const READY_BYTE = 0x00;
/** How long a failed start may take to print its reason and stop. */
const FAILURE_TEXT_MS = 2000;

/** Resolves at the ready byte, or after `timeoutMs` of silence (firmware without one). */
export function waitForReady(transport: Transport, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let text: string | undefined;
    let timer = setTimeout(() => finish(), timeoutMs);
    const offData = transport.onData((chunk) => {
      if (text === undefined && chunk[0] === READY_BYTE) {
        finish();
        return;
      }
      if (text === undefined) {
        clearTimeout(timer);
        timer = setTimeout(() => finish(), FAILURE_TEXT_MS);
      }
      text = (text ?? '') + Buffer.from(chunk).toString('latin1');
    });
    const offClose = transport.onClose(() => finish(true));
    function finish(closed = false): void {
      clearTimeout(timer);
      offData();
      offClose();
      if (text === undefined && !closed) resolve();
      else {
        const why = text?.trim() || (closed ? 'QEMU stopped before the firmware was ready' : 'no output');
        reject(
          new TransportError(
            `the firmware did not start: ${why}`,
            'check the build for this board (tinyforge build DIR --verbose)',
          ),
        );
      }
    }
  });
}
