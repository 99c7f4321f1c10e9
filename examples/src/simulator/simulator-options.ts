/**
 * Options of `createSimulator` and their validation: a bad option throws a TypeError or RangeError
 * naming the field and the value (e.g. `createSimulator: phases[1].scenario.feature must be one of …`).
 */
import { CATEGORICAL_FEATURES, FEATURE_NAMES, NUMERIC_FEATURES } from './fraud-features.js';
import type { LabelOptions } from './label-delay.js';
import { SCENARIO_KINDS, type Scenario } from './scenarios.js';

/** One phase of a simulation: which scenario(s), for how many rows or how long. */
export interface PhaseOptions {
  /** One scenario or several combined (e.g. a sudden drift plus a missing field); default stationary. */
  scenario?: Scenario | readonly Scenario[];
  /** Rows in the phase (give `rows` or `durationMs`). */
  rows?: number;
  /** Length of the phase in ms: `floor(durationMs / intervalMs)` rows. */
  durationMs?: number;
  /** Time between two rows of this phase (default the simulator's). */
  intervalMs?: number;
  /** Label delays of this phase (default the simulator's). */
  labels?: LabelOptions;
  /** A name for logs and the demo (default the scenario kinds joined by '+'). */
  name?: string;
}

export interface SimulatorOptions {
  /** Same seed and phases, same rows. An integer. */
  seed: number;
  phases: readonly PhaseOptions[];
  /** Timestamp of the first row (ms since the epoch or a Date; default 2026-01-01T00:00:00Z). */
  start?: number | Date;
  /** Time between two rows in ms (default 1000). */
  intervalMs?: number;
  /** When labels arrive (default: at once, all of them). */
  labels?: LabelOptions;
  /** Prefix of the row ids (default `tx-<seed>-`). */
  idPrefix?: string;
}

const DEFAULT_START = Date.UTC(2026, 0, 1);

function fail(field: string, message: string, value: unknown, kind: 'type' | 'range' = 'range'): never {
  const text = `createSimulator: ${field} ${message}; got ${JSON.stringify(value) ?? String(value)}`;
  throw kind === 'type' ? new TypeError(text) : new RangeError(text);
}

function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(field, 'must be a positive number', value);
  return value;
}

function nonNegative(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(field, 'must be a number >= 0', value);
  return value;
}

function share(value: unknown, field: string): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0 && value <= 1))) fail(field, 'must be a share in [0, 1]', value);
}

function oneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) fail(field, `must be one of ${allowed.join(', ')}`, value);
}

function checkLabels(labels: LabelOptions | undefined, field: string): void {
  if (labels === undefined) return;
  share(labels.neverShare, `${field}.neverShare`);
  const delay = labels.delay;
  if (delay === undefined) return;
  oneOf(delay.kind, ['fixed', 'exponential', 'uniform', 'lognormal'], `${field}.delay.kind`);
  if (delay.kind === 'fixed') nonNegative(delay.ms, `${field}.delay.ms`);
  if (delay.kind === 'exponential') positive(delay.meanMs, `${field}.delay.meanMs`);
  if (delay.kind === 'lognormal') {
    positive(delay.medianMs, `${field}.delay.medianMs`);
    nonNegative(delay.sigma, `${field}.delay.sigma`);
  }
  if (delay.kind === 'uniform' && nonNegative(delay.maxMs, `${field}.delay.maxMs`) < nonNegative(delay.minMs, `${field}.delay.minMs`)) {
    fail(`${field}.delay.maxMs`, `must be >= minMs (${delay.minMs})`, delay.maxMs);
  }
}

function checkScenario(scenario: Scenario, field: string): void {
  if (scenario === null || typeof scenario !== 'object') fail(field, 'must be a scenario object such as { kind: "stationary" }', scenario, 'type');
  oneOf(scenario.kind, SCENARIO_KINDS, `${field}.kind`);
  if ('shifts' in scenario && scenario.shifts !== undefined) {
    for (const name of Object.keys(scenario.shifts)) oneOf(name, FEATURE_NAMES, `${field}.shifts key`);
  }
  switch (scenario.kind) {
    case 'recurring-drift':
      positive(scenario.periodMs, `${field}.periodMs`);
      break;
    case 'missing-field':
      oneOf(scenario.feature, FEATURE_NAMES, `${field}.feature`);
      share(scenario.rate, `${field}.rate`);
      break;
    case 'stale-feature':
      oneOf(scenario.feature, FEATURE_NAMES, `${field}.feature`);
      break;
    case 'unit-change':
      oneOf(scenario.feature, NUMERIC_FEATURES, `${field}.feature`);
      if (scenario.factor !== undefined) positive(scenario.factor, `${field}.factor`);
      break;
    case 'new-category':
      oneOf(scenario.feature, CATEGORICAL_FEATURES, `${field}.feature`);
      share(scenario.rate, `${field}.rate`);
      break;
    default:
      break;
  }
}

/** A phase with everything resolved. */
export interface ResolvedPhase {
  name: string;
  scenarios: readonly Scenario[];
  rows: number;
  intervalMs: number;
  labels: LabelOptions;
  /** Timestamp of the phase's first row, and the end of its last interval. */
  startsAt: number;
  endsAt: number;
}

export interface ResolvedSimulatorOptions {
  seed: number;
  idPrefix: string;
  phases: readonly ResolvedPhase[];
}

/** Validates the options and lays the phases end to end in time. */
export function resolveSimulatorOptions(options: SimulatorOptions): ResolvedSimulatorOptions {
  if (options === null || typeof options !== 'object') fail('options', 'must be an object { seed, phases }', options, 'type');
  if (!Number.isInteger(options.seed)) fail('seed', 'must be an integer', options.seed, 'type');
  if (!Array.isArray(options.phases) || options.phases.length === 0) fail('phases', 'must be a non-empty array of { scenario, rows | durationMs }', options.phases, 'type');
  const start = options.start instanceof Date ? options.start.getTime() : options.start ?? DEFAULT_START;
  if (!Number.isFinite(start)) fail('start', 'must be ms since the epoch or a valid Date', options.start, 'type');
  const intervalMs = options.intervalMs === undefined ? 1000 : positive(options.intervalMs, 'intervalMs');
  checkLabels(options.labels, 'labels');
  let cursor = start;
  const phases = options.phases.map((phase, index): ResolvedPhase => {
    const field = `phases[${index}]`;
    if (phase === null || typeof phase !== 'object') fail(field, 'must be an object { scenario, rows | durationMs }', phase, 'type');
    const scenarios: readonly Scenario[] = phase.scenario === undefined ? [{ kind: 'stationary' }] : Array.isArray(phase.scenario) ? phase.scenario : [phase.scenario as Scenario];
    scenarios.forEach((scenario, i) => checkScenario(scenario, Array.isArray(phase.scenario) ? `${field}.scenario[${i}]` : `${field}.scenario`));
    const phaseInterval = phase.intervalMs === undefined ? intervalMs : positive(phase.intervalMs, `${field}.intervalMs`);
    if ((phase.rows === undefined) === (phase.durationMs === undefined)) fail(field, 'must give exactly one of rows and durationMs', phase);
    const rows = phase.rows !== undefined ? phase.rows : Math.floor(positive(phase.durationMs, `${field}.durationMs`) / phaseInterval);
    if (!Number.isInteger(rows) || rows < 1) fail(phase.rows !== undefined ? `${field}.rows` : `${field}.durationMs`, 'must give at least one row (rows a positive integer, durationMs >= intervalMs)', phase.rows ?? phase.durationMs);
    checkLabels(phase.labels, `${field}.labels`);
    const startsAt = cursor;
    cursor += rows * phaseInterval;
    return {
      name: phase.name ?? scenarios.map((scenario) => scenario.kind).join('+'),
      scenarios,
      rows,
      intervalMs: phaseInterval,
      labels: { ...options.labels, ...phase.labels },
      startsAt,
      endsAt: cursor,
    };
  });
  return { seed: options.seed, idPrefix: options.idPrefix ?? `tx-${options.seed}-`, phases };
}
