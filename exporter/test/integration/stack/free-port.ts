import { createServer } from 'node:net';

/**
 * Asks the kernel for a free TCP port on 127.0.0.1 (listen on port 0, read the port, close).
 * Another process may take the port before the caller binds it; `startDaemon` retries on that clash.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`findFreePort: unexpected listen address ${String(address)}`));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
