/**
 * The example fraud-scoring service: Fastify serving the logistic model, instrumented with modelwatch
 * (the lines marked `modelwatch`). `createServer` builds it in-process, for tests and the demo.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { createModelMonitor, loadProfile, type ModelMonitor, type ModelMonitorOptions, type ReferenceProfile } from '@modelwatch/otel';
import { loadFraudModel, predict, type FraudModel, type ModelInput } from './fraud-model.js';
import { REFERENCE_PROFILE_PATH } from './reference-data.js';
import { labelBodySchema, predictBodySchema } from './request-schemas.js';
import { validationMessage } from './validation-message.js';

export interface FraudServiceOptions {
  /** The model to serve (default the committed `model.json`). */
  model?: FraudModel;
  /** Reference profile of the model (default the committed `reference-profile.json`). */
  reference?: ReferenceProfile;
  /** A monitor to record into; by default one is created for the model and reference. */
  monitor?: ModelMonitor;
  /** MeterProvider of the default monitor (default the global one, e.g. set by `startModelwatch()`). */
  meterProvider?: ModelMonitorOptions['meterProvider'];
  /** Fastify's request log (default off). */
  logger?: boolean;
}

/** A built (not yet listening) service. */
export interface FraudService {
  readonly app: FastifyInstance;
  readonly monitor: ModelMonitor;
  readonly model: FraudModel;
  /** Listens (port 0 = any free port) and resolves to the base URL, e.g. `http://127.0.0.1:41234`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests and shuts the monitor down. */
  close(): Promise<void>;
}

interface PredictBody {
  id?: string;
  features: ModelInput;
  region?: string;
  attributes?: { age_band?: string };
}

interface LabelBody {
  id: string;
  actual: 0 | 1;
}

/**
 * Builds the service: `POST /predict` → `{ id, score, prediction }`, `POST /label` `{ id, actual }` →
 * 202, `GET /healthz`. Invalid bodies get a 400 whose message names the field.
 *
 * @example
 * startModelwatch(); // OTLP from the OTEL_* environment variables
 * const service = await createServer();
 * const url = await service.listen(8080, '0.0.0.0');
 */
export async function createServer(options: FraudServiceOptions = {}): Promise<FraudService> {
  const model = options.model ?? loadFraudModel();
  const reference = options.reference ?? (options.monitor === undefined ? await loadProfile(REFERENCE_PROFILE_PATH) : undefined); // modelwatch
  const monitor = options.monitor ?? createModelMonitor({ model: { name: model.name, version: model.version }, reference: reference as ReferenceProfile, segments: { attribute: 'region', cap: 10 }, fairness: { attributes: ['age_band'] }, meterProvider: options.meterProvider }); // modelwatch
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
    schemaErrorFormatter: (errors, dataVar) => new Error(validationMessage(errors, dataVar)),
  });

  app.post<{ Body: PredictBody }>('/predict', { schema: { body: predictBodySchema(model) } }, async (request) => {
    const { features, region, attributes } = request.body;
    const id = request.body.id ?? randomUUID();
    const { score, prediction } = predict(model, features);
    monitor.observe({ id, features, prediction, score, segment: region, attributes }); // modelwatch
    return { id, score, prediction };
  });

  app.post<{ Body: LabelBody }>('/label', { schema: { body: labelBodySchema } }, async (request, reply) => {
    monitor.label(request.body.id, request.body.actual); // modelwatch
    return reply.code(202).send({ id: request.body.id, accepted: true });
  });

  app.get('/healthz', async () => ({ status: 'ok', model: { name: model.name, version: model.version } }));

  return {
    app,
    monitor,
    model,
    listen: (port = 0, host = '127.0.0.1') => app.listen({ port, host }),
    close: async () => {
      await app.close();
      if (options.monitor === undefined) monitor.shutdown(); // modelwatch
    },
  };
}
