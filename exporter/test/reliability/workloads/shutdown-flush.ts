/**
 * Workload: a short-lived process. Starts modelwatch with a long export interval (so nothing is
 * pushed on a timer), observes ROWS rows, calls shutdown() and exits: only the final flush can deliver.
 * Usage: shutdown-flush.ts OTLP_URL SERVICE_NAME ROWS
 */
import { createModelMonitor } from '../../../src/monitor/index.js';
import { startModelwatch } from '../../../src/otel/index.js';
import { referenceProfile } from '../../monitor/monitor-fixture.js';

const [url, serviceName, rowsArgument] = process.argv.slice(2);
const rows = Number(rowsArgument);
const handle = startModelwatch({ url, serviceName, exportIntervalMillis: 600_000, exportTimeoutMillis: 10_000 });
const monitor = createModelMonitor({ model: { name: 'short-lived', version: '1' }, reference: referenceProfile(), window: { count: 1_000_000 } });
for (let i = 0; i < rows; i++) monitor.observe({ features: { x: ((i % 97) - 48) / 24, y: ((i % 89) - 44) / 22, color: ['red', 'green', 'blue'][i % 3], flag: i % 2 === 0 } });
const { features } = monitor.snapshot();
await handle.shutdown();
console.log(JSON.stringify({ rows, failedExports: handle.failedExports, samples: Object.fromEntries(features.map((feature) => [feature.name, feature.samples])) }));
process.exit(0);
