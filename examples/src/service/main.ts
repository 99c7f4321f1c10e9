/**
 * Starts the fraud service standalone: `npm run service -w examples`. OTLP goes where the standard
 * variables say (OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4318; OTEL_SERVICE_NAME, …);
 * PORT (default 8080) and HOST (default 0.0.0.0) choose where it listens.
 */
import { startModelwatch } from '@modelwatch/otel';
import { createServer } from './create-server.js';

const modelwatch = startModelwatch({ serviceName: process.env.OTEL_SERVICE_NAME ?? 'fraud-service' }); // modelwatch
const service = await createServer({ logger: true });
const url = await service.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '0.0.0.0');
console.log(`fraud service listening on ${url} (POST /predict, POST /label, GET /healthz); metrics to ${modelwatch.config.otlp?.destination ?? 'nowhere (OTLP disabled)'}`);

async function stop(signal: string): Promise<void> {
  console.log(`${signal}: closing`);
  await service.close();
  await modelwatch.shutdown(); // modelwatch: flush the last metrics
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
