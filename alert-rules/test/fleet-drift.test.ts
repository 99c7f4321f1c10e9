import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { jensenShannon, populationStabilityIndex } from '../../exporter/src/stats/index.js';
import { defaultConfig } from '../src/config.js';
import { fleetRecordNames } from '../src/fleet-drift-rules.js';
import { RULES_DIR, runTool, stackTools } from './tools.js';

/** Deterministic integers in [0, max) (Park–Miller), so the test is reproducible. */
function integers(seed: number, count: number, max: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 48271) % 2147483647;
    return state % max;
  });
}

const MINUTES = 60;
const MODEL = 'ml_model_name="fraud", ml_model_version="3", ml_feature_name="amount"';

interface Scenario {
  readonly name: string;
  /** Per replica, per bin: counter increment per minute. */
  readonly perMinute: readonly (readonly number[])[];
  readonly referenceCounts: readonly number[];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Builds a promtool test that checks the fleet PSI / JS recording rules against the library's values within 1e-6. */
function promtoolTest(scenario: Scenario, window: string) {
  const bins = scenario.referenceCounts.length;
  const fleetCounts = Array.from({ length: bins }, (_, bin) => MINUTES * sum(scenario.perMinute.map((replica) => replica[bin] ?? 0)));
  const referenceTotal = sum(scenario.referenceCounts);
  const psi = populationStabilityIndex(scenario.referenceCounts, fleetCounts, { epsilon: defaultConfig.fleetDrift.psiEpsilon }).psi;
  const js = jensenShannon(fleetCounts, scenario.referenceCounts, { base: 2 }).distance;
  const inputSeries = scenario.perMinute.flatMap((replica, index) =>
    replica.flatMap((increment, bin) => [
      { series: `ml_feature_bin_observations_total{${MODEL}, ml_bin_index="${bin}", service_instance_id="r${index}"}`, values: `0+${increment}x${MINUTES}` },
      {
        series: `ml_feature_bin_reference_fraction{${MODEL}, ml_bin_index="${bin}", service_instance_id="r${index}"}`,
        values: `${(scenario.referenceCounts[bin] ?? 0) / referenceTotal}x${MINUTES}`,
      },
    ]),
  );
  const names = fleetRecordNames(window);
  const within = (record: string, value: number) => ({
    expr: `abs(${record} - ${value}) < bool 1e-6`,
    eval_time: `${MINUTES}m`,
    exp_samples: [{ labels: `{${MODEL}}`, value: 1 }],
  });
  return {
    expected: { psi, js },
    file: {
      rule_files: [join(RULES_DIR, 'fleet-drift.rules.yaml')],
      evaluation_interval: '1m',
      tests: [{ name: scenario.name, interval: '1m', input_series: inputSeries, promql_expr_test: [within(names.psi, psi), within(names.jensenShannon, js)] }],
    },
  };
}

const tools = stackTools();

describe('fleet-wide drift recording rules', () => {
  const bins = 8;
  const scenarios: Scenario[] = [
    {
      name: 'two replicas, random counts with empty bins',
      perMinute: [integers(7, bins, 4), integers(11, bins, 6)],
      referenceCounts: integers(13, bins, 50).map((count, bin) => (bin === 5 ? 0 : count + 1)),
    },
    {
      name: 'three replicas, one of them seeing only the tail',
      perMinute: [integers(17, bins, 9), integers(19, bins, 3), [0, 0, 0, 0, 0, 0, 5, 9]],
      referenceCounts: integers(23, bins, 100).map((count) => count + 1),
    },
  ];

  it.each(scenarios.flatMap((scenario) => defaultConfig.fleetDrift.windows.map((window) => [scenario.name, window, scenario] as const)))(
    'equal populationStabilityIndex / jensenShannon of the summed counts within 1e-6 (%s, window %s)',
    (_name, window, scenario) => {
      const { expected, file } = promtoolTest(scenario, window);
      expect(expected.psi).toBeGreaterThan(0.01);
      const dir = mkdtempSync(join(tmpdir(), 'modelwatch-fleet-'));
      try {
        writeFileSync(join(dir, 'fleet.test.yaml'), stringify(file));
        const run = runTool(tools.promtool, ['test', 'rules', join(dir, 'fleet.test.yaml')], dir);
        expect(run.output).toMatch(/SUCCESS/);
        expect(run.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('differ from the PSI each replica would compute on its own share of the traffic', () => {
    const scenario = scenarios[0] as Scenario;
    const fleet = Array.from({ length: bins }, (_, bin) => sum(scenario.perMinute.map((replica) => replica[bin] ?? 0)));
    const fleetPsi = populationStabilityIndex(scenario.referenceCounts, fleet, { epsilon: 1e-4 }).psi;
    for (const replica of scenario.perMinute) {
      expect(Math.abs(populationStabilityIndex(scenario.referenceCounts, replica, { epsilon: 1e-4 }).psi - fleetPsi)).toBeGreaterThan(1e-3);
    }
  });
});
