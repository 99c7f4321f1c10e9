/**
 * The committed model and reference profile are what their scripts produce today (so neither goes
 * stale when the simulator or the library changes), and the model is a useful fraud classifier.
 */
import { readFileSync } from 'node:fs';
import { rocAuc } from '@modelwatch/otel';
import { fitLogisticRegression } from '../../src/service/fit-logistic.js';
import { fraudScore, loadFraudModel, MODEL_PATH, predict } from '../../src/service/fraud-model.js';
import { buildReferenceProfile, REFERENCE_PROFILE_PATH } from '../../src/service/reference-data.js';
import { trainFraudModel } from '../../src/service/train-fraud-model.js';
import { createSimulator } from '../../src/simulator/index.js';

const REFRESH = 'run `npm run fit-model -w examples && npm run reference-profile -w examples` and commit the result';

test('model.json is what the fitting script produces from the simulator', () => {
  const committed: unknown = JSON.parse(readFileSync(MODEL_PATH, 'utf8'));
  const refitted: unknown = JSON.parse(JSON.stringify(trainFraudModel()));
  if (JSON.stringify(committed) !== JSON.stringify(refitted)) throw new Error(`src/service/model.json is stale: ${REFRESH}`);
  expect(refitted).toEqual(committed);
});

test('reference-profile.json is what the profile script builds from the simulator and the model', () => {
  const committed: unknown = JSON.parse(readFileSync(REFERENCE_PROFILE_PATH, 'utf8'));
  const rebuilt: unknown = JSON.parse(JSON.stringify(buildReferenceProfile()));
  if (JSON.stringify(committed) !== JSON.stringify(rebuilt)) throw new Error(`src/service/reference-profile.json is stale: ${REFRESH}`);
  expect(rebuilt).toEqual(committed);
});

test('the model separates fraud on fresh stationary traffic (ROC AUC > 0.8) and flags a plausible share', () => {
  const model = loadFraudModel();
  const rows = createSimulator({ seed: 999, phases: [{ rows: 10_000 }] }).rows();
  const auc = rocAuc(rows.map((row) => row.label), rows.map((row) => fraudScore(model, row.features)));
  expect(auc).toBeGreaterThan(0.8);
  const flagged = rows.filter((row) => predict(model, row.features).prediction === 1).length / rows.length;
  expect(flagged).toBeGreaterThan(0.02);
  expect(flagged).toBeLessThan(0.4);
});

test('the logistic fit recovers known coefficients from data drawn with them', () => {
  let state = 7;
  const uniform = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
  const x = Array.from({ length: 20_000 }, () => [uniform() * 4 - 2, uniform() * 4 - 2]);
  const y = x.map(([a, b]) => (uniform() < 1 / (1 + Math.exp(-(-0.5 + 1.5 * (a as number) - 2 * (b as number)))) ? 1 : 0));
  const fit = fitLogisticRegression(x, y, { l2: 0 });
  expect(fit.intercept).toBeCloseTo(-0.5, 0);
  expect(fit.weights[0]).toBeCloseTo(1.5, 0);
  expect(fit.weights[1]).toBeCloseTo(-2, 0);
});
