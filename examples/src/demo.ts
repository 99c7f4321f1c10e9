/**
 * The modelwatch demo (foundation): builds a reference profile from simulated payments, then
 * checks three batches of live traffic against it — stationary, a sudden drift, a data-quality
 * fault — and watches the model's error stream with a concept-drift detector.
 *
 * Run: npm run demo   (from the repository root; no network, no services)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Adwin, buildProfile, compareToProfile, loadProfile, type ProfileComparison } from '@modelwatch/otel';
import { generatePayments, type Scenario } from './simulator/payments.js';

function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  return Math.abs(value) >= 1e-3 || value === 0 ? value.toFixed(4) : value.toExponential(2);
}

function printComparison(title: string, result: ProfileComparison): void {
  console.log(`\n== ${title}: ${result.rows.current} rows against a reference of ${result.rows.reference}`);
  console.log('  feature            method           score      p-value    threshold  drifted');
  for (const feature of result.features) {
    const drift = feature.drift;
    const cells = drift === null
      ? ['-', '-', '-', '-', 'no data']
      : [drift.method, formatNumber(drift.score), formatNumber(drift.pValue), formatNumber(drift.threshold), drift.drifted ? 'DRIFT' : 'ok'];
    console.log(`  ${feature.name.padEnd(18)} ${(cells[0] as string).padEnd(16)} ${(cells[1] as string).padEnd(10)} ${(cells[2] as string).padEnd(10)} ${(cells[3] as string).padEnd(10)} ${cells[4]}`);
  }
  const { driftedCount, featureCount, drifted } = result.dataset;
  console.log(`  dataset drift: ${driftedCount}/${featureCount} features drifted -> ${drifted ? 'DATASET DRIFT' : 'no dataset drift'}`);
  const failed = result.quality.filter((finding) => finding.failed);
  for (const finding of failed) console.log(`  quality FAILED: ${finding.feature} ${finding.check} = ${formatNumber(finding.value)} (threshold ${finding.threshold})`);
  if (failed.length === 0) console.log('  quality: all checks passed');
}

async function main(): Promise<void> {
  const started = Date.now();
  const reference = generatePayments(20_000, {}, 1);
  const profile = buildProfile(reference, { name: 'fraud-model reference', target: 'is_fraud', score: 'fraud_score', importance: { amount: 0.5, account_age_days: 0.2, country: 0.1, new_device: 0.2 } });
  const folder = mkdtempSync(join(tmpdir(), 'modelwatch-demo-'));
  const profilePath = join(folder, 'reference-profile.json');
  writeFileSync(profilePath, JSON.stringify(profile));
  const loaded = await loadProfile(profilePath);
  console.log(`reference profile: ${loaded.featureOrder.length} columns, ${loaded.rowCount} rows, written to ${profilePath}`);

  const phases: Array<[string, Scenario]> = [
    ['stationary traffic', {}],
    ['sudden drift (amounts x1.6, more ES traffic)', { amountFactor: 1.6, countries: { DE: 0.3, FR: 0.2, ES: 0.5 } }],
    ['data-quality fault (country missing in 30% of rows, a new country)', { missingCountryRate: 0.3, countries: { DE: 0.45, FR: 0.3, ES: 0.2, XX: 0.05 } }],
  ];
  let seed = 10;
  for (const [title, scenario] of phases) printComparison(title, compareToProfile(loaded, generatePayments(5000, scenario, seed++)));

  // Concept drift: the model's errors (1 = wrong) before and after the world changed under it.
  const detector = new Adwin();
  const errors = [...generatePayments(3000, {}, 50).map((p) => Number((p.fraud_score > 0.5) !== p.is_fraud)), ...Array.from({ length: 3000 }, (_, i) => Number(i % 4 === 0))];
  const detections: number[] = [];
  errors.forEach((error, index) => {
    if (detector.update(error).driftDetected) detections.push(index);
  });
  console.log(`\n== concept drift: ADWIN over ${errors.length} prediction errors (error rate jumps to 25% at index 3000)`);
  console.log(`  drift detected at index ${detections.join(', ') || 'never'}`);
  rmSync(folder, { recursive: true, force: true });
  console.log(`\ndemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
