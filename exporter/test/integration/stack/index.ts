/** Test-only harness: the real metrics backend (OTLP → vmagent → Prometheus → Alertmanager) for integration tests. */
export { startMetricsStack } from './metrics-stack.js';
export type { MetricsStack, MetricsStackOptions } from './metrics-stack.js';
export type { ScrapeTarget } from './prometheus-config.js';
export { createPrometheusClient } from './prometheus-client.js';
export type { InstantSample, PrometheusClient, SamplePredicate } from './prometheus-client.js';
export { DaemonStartError } from './daemon.js';
export { findFreePort } from './free-port.js';
export { resolveStackBinaries, findRepositoryRoot } from './stack-binaries.js';
export type { StackBinaries } from './stack-binaries.js';
