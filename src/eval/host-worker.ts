/** Worker-thread side of `threadRunner`: one host interpreter, samples in, outputs out. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadModel } from '../graph/load.js';
import { HostSession } from '../run/host-session.js';
import { runOnSession, toWireError, type WorkerReply } from './sample-runner.js';

const port = parentPort!;
const send = (m: WorkerReply) => port.postMessage(m);

try {
  const session = new HostSession(loadModel((workerData as { modelPath: string }).modelPath).graph);
  port.on('message', (inputs: Uint8Array[]) => {
    runOnSession(session, inputs).then(
      (result) => send({ type: 'result', result }),
      (e) => send({ type: 'error', error: toWireError(e) }),
    );
  });
  send({ type: 'ready', inputs: session.inputs, outputs: session.outputs });
} catch (e) {
  send({ type: 'error', error: toWireError(e) });
}
