/**
 * OTLP headers and TLS through the standard environment variables only (no option in code): an HTTPS
 * collector with a private CA that requires a client certificate (mutual TLS) and a bearer token.
 * `startModelwatch()` must trust the CA from OTEL_EXPORTER_OTLP_CERTIFICATE, present the client
 * certificate from OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE / _CLIENT_KEY and send the
 * OTEL_EXPORTER_OTLP_HEADERS; without the CA the export fails and is counted, never thrown.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { jest } from '@jest/globals';
import { createModelMonitor } from '../../src/monitor/index.js';
import { startModelwatch } from '../../src/otel/index.js';
import { referenceProfile } from '../monitor/monitor-fixture.js';

jest.setTimeout(30_000);

interface Received {
  authorization: string | undefined;
  clientCertificateSubject: string | undefined;
  bytes: number;
}

let dir: string;
let server: Server;
let url: string;
const received: Received[] = [];
const TOKEN = 'tok-3f9a1c';

/** A throwaway CA, a server certificate for 127.0.0.1 and a client certificate, with openssl (P-256 keys). */
function makeCertificates(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=modelwatch-test-ca');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [['server', '/CN=127.0.0.1'], ['client', '/CN=fraud-api']] as const) {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelwatch-tls-'));
  makeCertificates();
  const file = (name: string) => readFileSync(join(dir, name));
  server = createServer({ key: file('server.key'), cert: file('server.pem'), ca: file('ca.pem'), requestCert: true, rejectUnauthorized: true }, (request, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      received.push({ authorization: request.headers.authorization, clientCertificateSubject: String(peer.subject?.CN), bytes });
      response.writeHead(request.headers.authorization === `Bearer ${TOKEN}` ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1/metrics`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Starts modelwatch with `vars` in process.env (the OTLP exporter reads process.env when built), exports once, shuts down. */
async function exportOnceWith(vars: Record<string, string>): Promise<number> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  let handle;
  try {
    handle = startModelwatch({ setGlobal: false, exportIntervalMillis: 60_000, exportTimeoutMillis: 5_000 });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const monitor = createModelMonitor({ model: { name: 'tls', version: '1' }, reference: referenceProfile(), meterProvider: handle.meterProvider });
  monitor.observe({ features: { x: 0.3, color: 'red' } });
  await handle.forceFlush();
  monitor.shutdown();
  await handle.shutdown();
  return handle.failedExports;
}

const percentEncoded = (text: string) => encodeURIComponent(text);

test('mutual TLS and a bearer token from OTEL_EXPORTER_OTLP_* variables: the export is accepted', async () => {
  const failures = await exportOnceWith({
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: url,
    OTEL_EXPORTER_OTLP_HEADERS: `authorization=${percentEncoded(`Bearer ${TOKEN}`)},x-scope-orgid=team-risk`,
    OTEL_EXPORTER_OTLP_CERTIFICATE: join(dir, 'ca.pem'),
    OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE: join(dir, 'client.pem'),
    OTEL_EXPORTER_OTLP_CLIENT_KEY: join(dir, 'client.key'),
  });
  expect(failures).toBe(0);
  const last = received[received.length - 1];
  expect(last).toMatchObject({ authorization: `Bearer ${TOKEN}`, clientCertificateSubject: 'fraud-api' });
  expect(last?.bytes).toBeGreaterThan(100);
});

test('without the private CA the TLS handshake fails: counted as a failed export, never thrown', async () => {
  const before = received.length;
  const failures = await exportOnceWith({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: url, OTEL_EXPORTER_OTLP_HEADERS: `authorization=${percentEncoded(`Bearer ${TOKEN}`)}` });
  expect(failures).toBeGreaterThanOrEqual(1);
  expect(received.length).toBe(before);
});

test('a wrong token is refused by the collector (HTTP 401) and counted', async () => {
  const failures = await exportOnceWith({
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: url,
    OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20wrong',
    OTEL_EXPORTER_OTLP_CERTIFICATE: join(dir, 'ca.pem'),
    OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE: join(dir, 'client.pem'),
    OTEL_EXPORTER_OTLP_CLIENT_KEY: join(dir, 'client.key'),
  });
  expect(failures).toBeGreaterThanOrEqual(1);
  expect(received[received.length - 1]?.authorization).toBe('Bearer wrong');
});
