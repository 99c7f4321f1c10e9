/**
 * A local OTLP/HTTP endpoint for unit tests: records every request (path, headers, body) and answers
 * with a configurable status. Not a real backend: the real-stack tests are in test/integration.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface FakeCollector {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** HTTP status of the next answers (default 200). */
  status: number;
  close(): Promise<void>;
}

export async function startFakeCollector(): Promise<FakeCollector> {
  const requests: RecordedRequest[] = [];
  const collector = { status: 200 } as { status: number };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(collector.status, { 'content-type': 'text/plain' }).end(collector.status === 200 ? '' : 'refused by the fake collector');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(collector, {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
