/** The host side of QEMU's TCP serial port. */
import { connect, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port that was free a moment ago (QEMU then binds it; a lost race is retried by the caller). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

function tryConnect(port: number): Promise<Socket | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve(socket);
    });
    const onError = (error: NodeJS.ErrnoException): void => {
      socket.destroy();
      if (error.code === 'ECONNREFUSED') resolve(undefined);
      else reject(error);
    };
    socket.once('error', onError);
  });
}

const RETRY_MS = 10;

/** Connects once QEMU listens; gives up (undefined) as soon as `stop()` says so. */
export async function connectWhenListening(port: number, stop: () => boolean): Promise<Socket | undefined> {
  while (!stop()) {
    const socket = await tryConnect(port);
    if (socket) {
      if (stop()) {
        socket.destroy();
        return undefined;
      }
      socket.setNoDelay(true);
      return socket;
    }
    await sleep(RETRY_MS);
  }
  return undefined;
}
