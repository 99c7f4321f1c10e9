/**
 * The fraud service end to end over real HTTP (listening on a free port, called with fetch): validation, then on a free port with the
 * metrics going through the real vmagent → Prometheus stack (predictions observed, labels joined),
 * and a service whose OTLP backend is down that keeps answering.
 */
import { jest } from '@jest/globals';
import { startModelwatch, type ModelwatchHandle } from '@modelwatch/otel';
import { findFreePort, startMetricsStack, type MetricsStack } from '../../../exporter/test/integration/stack/index.js';
import { createServer, type FraudService } from '../../src/service/create-server.js';
import { predict } from '../../src/service/fraud-model.js';
import { createSimulator, labelEvents, type SimulatedRow } from '../../src/simulator/index.js';

jest.setTimeout(60_000);

const predictBody = (row: SimulatedRow): object => ({ id: row.id, features: row.features, region: row.segment, attributes: row.attributes });

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('requests and validation', () => {
  let service: FraudService;
  let url: string;
  const row = createSimulator({ seed: 3, phases: [{ rows: 1 }] }).rows()[0] as SimulatedRow;
  const { amount: _amount, ...withoutAmount } = row.features;

  beforeAll(async () => {
    service = await createServer({ meterProvider: startModelwatch({ otlp: false, setGlobal: false }).meterProvider });
    url = await service.listen(0);
  });
  afterAll(() => service.close());

  test('POST /predict scores with the committed model and echoes the id', async () => {
    const response = await post(`${url}/predict`, predictBody(row));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: row.id, ...predict(service.model, row.features) });
    const generated = await post(`${url}/predict`, { features: row.features });
    expect(generated.json.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test.each([
    ['a missing feature', { features: withoutAmount }, 'body.features.amount is required'],
    ['a number sent as a string', { features: { ...row.features, amount: '12.5' } }, 'body.features.amount must be number,null'],
    ['a category sent as a number', { features: { ...row.features, channel: 3 } }, 'body.features.channel must be string,null'],
    ['an unknown feature', { features: { ...row.features, amout: 1 } }, 'body.features.amout is not a known field'],
    ['no features', { id: 'x' }, 'body.features is required'],
    ['an overlong category', { features: { ...row.features, channel: 'x'.repeat(129) } }, 'body.features.channel must NOT have more than 128 characters'],
    ['an id with spaces', { id: 'a b', features: row.features }, 'body.id must match pattern'],
  ])('POST /predict with %s → 400 naming the field', async (_case, payload, message) => {
    const response = await post(`${url}/predict`, payload);
    expect(response.status).toBe(400);
    expect(response.json.message).toContain(message);
  });

  test.each([
    ['no id', { actual: 1 }, 'body.id is required'],
    ['an actual other than 0 or 1', { id: 'a', actual: 2 }, 'body.actual must be equal to one of the allowed values'],
    ['an actual sent as a string', { id: 'a', actual: '1' }, 'body.actual must be integer'],
  ])('POST /label with %s → 400 naming the field', async (_case, payload, message) => {
    const response = await post(`${url}/label`, payload);
    expect(response.status).toBe(400);
    expect(response.json.message).toContain(message);
  });

  test('GET /healthz names the model', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', model: { name: 'fraud', version: '1' } });
  });
});

describe('over real HTTP, metrics through vmagent into Prometheus', () => {
  let stack: MetricsStack;
  let modelwatch: ModelwatchHandle;
  let service: FraudService;
  let url: string;

  beforeAll(async () => {
    stack = await startMetricsStack();
    modelwatch = startModelwatch({ url: stack.vmagentOtlpUrl, exportIntervalMillis: 500, serviceName: 'fraud-service-test', setGlobal: false });
    service = await createServer({ meterProvider: modelwatch.meterProvider });
    url = await service.listen(0);
  });
  afterAll(async () => {
    await service?.close();
    await modelwatch?.shutdown();
    await stack?.stop();
  });

  test('predictions are observed and delayed labels are joined', async () => {
    const rows = createSimulator({ seed: 8, idPrefix: 'http-', labels: { delay: { kind: 'exponential', meanMs: 30_000 }, neverShare: 0.25 }, phases: [{ rows: 120 }] }).rows();
    for (const row of rows) {
      const { status, json } = await post(`${url}/predict`, predictBody(row));
      expect(status).toBe(200);
      expect(json.id).toBe(row.id);
    }
    const events = labelEvents(rows);
    for (const event of events) expect((await post(`${url}/label`, { id: event.id, actual: event.actual })).status).toBe(202);
    expect((await post(`${url}/label`, { id: 'never-predicted', actual: 1 })).status).toBe(202);

    const selector = 'ml_model_name="fraud", service_name="fraud-service-test"';
    await stack.waitFor(`sum(ml_observations_total{${selector}})`, (found) => found[0]?.value === rows.length, 20_000);
    const joined = await stack.waitFor(`ml_labels_total{${selector}, ml_label_outcome="joined"}`, (found) => found[0]?.value === events.length, 20_000);
    expect(joined[0]?.value).toBeGreaterThan(60);
    await stack.waitFor(`ml_labels_total{${selector}, ml_label_outcome="unknown_id"}`, (found) => found[0]?.value === 1, 20_000);
  });
});

test('the service keeps serving while its OTLP backend is down', async () => {
  const port = await findFreePort(); // nothing listens there
  const modelwatch = startModelwatch({ url: `http://127.0.0.1:${port}/opentelemetry/v1/metrics`, exportIntervalMillis: 200, exportTimeoutMillis: 200, setGlobal: false });
  const service = await createServer({ meterProvider: modelwatch.meterProvider });
  try {
    const url = await service.listen(0);
    const rows = createSimulator({ seed: 9, phases: [{ rows: 60 }] }).rows();
    let answered = 0;
    for (const row of rows.slice(0, 30)) if ((await post(`${url}/predict`, predictBody(row))).status === 200) answered++;
    const deadline = Date.now() + 15_000;
    while (modelwatch.failedExports === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(modelwatch.failedExports).toBeGreaterThan(0);
    for (const row of rows.slice(30)) if ((await post(`${url}/predict`, predictBody(row))).status === 200) answered++;
    expect(answered).toBe(60);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(service.monitor.snapshot().window.observations).toBe(60);
  } finally {
    await service.close();
    await modelwatch.shutdown();
  }
});
