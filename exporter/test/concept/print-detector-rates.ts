/**
 * Prints the false-alarm and detection-delay tables of docs/concept-drift.md:
 * `npx tsx exporter/test/concept/print-detector-rates.ts` (about a minute; more with KSWIN).
 * Optional argument: a comma-separated subset of detectors (createDetector names).
 */
import type { DriftDetectorName } from '../../src/concept/create-detector.js';
import { bernoulliStream, betaStream, countFalseAlarms, detectionDelay, type StreamSource } from './detector-rates.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const SHORT_SEEDS = Array.from({ length: 20 }, (_, i) => 101 + i);
const LENGTH = 100_000;

function medianDelay(name: DriftDetectorName, options: object, stationary: StreamSource, changed: StreamSource): string {
  const delays = SEEDS.map((seed) => detectionDelay(name, options, stationary, changed, seed, 10_000, 50_000));
  const found = delays.filter((delay): delay is number => delay !== null).sort((a, b) => a - b);
  const median = found.length === 0 ? '—' : String(found[Math.floor(found.length / 2)]);
  return found.length === SEEDS.length ? median : `${median} (${found.length}/${SEEDS.length} found)`;
}

function alarms(name: DriftDetectorName, options: object, source: StreamSource, seeds: readonly number[], length: number): number {
  return seeds.reduce((sum, seed) => sum + countFalseAlarms(name, options, source, seed, length), 0);
}

const all: DriftDetectorName[] = ['ADWIN', 'DDM', 'EDDM', 'HDDM_A', 'HDDM_W', 'PageHinkley', 'CUSUM', 'KSWIN'];
const detectors = (process.argv[2]?.split(',') as DriftDetectorName[] | undefined) ?? all;

console.log('Error stream (0/1): false alarms on stationary Bernoulli(p); delay = values after a 0.1 → 0.2 jump (after 10 000 values), median of 8 seeds\n');
console.log('| detector | p = 0.1, 8 × 100 000 | p = 0.02, 20 × 8 000 | p = 0.05, 20 × 8 000 | p = 0.14, 20 × 8 000 | p = 0.3, 20 × 8 000 | delay 0.1 → 0.2 |');
console.log('|---|---|---|---|---|---|---|');
for (const name of detectors) {
  const short = [0.02, 0.05, 0.14, 0.3].map((p) => alarms(name, {}, bernoulliStream(p), SHORT_SEEDS, 8_000));
  console.log(`| ${name} | ${alarms(name, {}, bernoulliStream(0.1), SEEDS, LENGTH)} | ${short.join(' | ')} | ${medianDelay(name, {}, bernoulliStream(0.1), bernoulliStream(0.2))} |`);
}

const scores: Array<[string, StreamSource, StreamSource]> = [
  ['Beta(2, 5) → Beta(3, 5)', betaStream(2, 5), betaStream(3, 5)],
  ['Beta(1, 6) → Beta(1.5, 6)', betaStream(1, 6), betaStream(1.5, 6)],
  ['Beta(0.5, 0.5) → Beta(0.7, 0.5)', betaStream(0.5, 0.5), betaStream(0.7, 0.5)],
  ['Beta(0.2, 0.2) → Beta(0.3, 0.2)', betaStream(0.2, 0.2), betaStream(0.3, 0.2)],
  ['Beta(0.05, 0.05) → Beta(0.08, 0.05)', betaStream(0.05, 0.05), betaStream(0.08, 0.05)],
];
const scoreDetectors: Array<[string, DriftDetectorName, object]> = [
  ['PageHinkley λ = 50', 'PageHinkley', {}],
  ['PageHinkley λ = 100', 'PageHinkley', { threshold: 100 }],
  ['ADWIN', 'ADWIN', {}],
  ['HDDM_A', 'HDDM_A', {}],
  ['HDDM_W', 'HDDM_W', {}],
  ['CUSUM', 'CUSUM', {}],
  ['KSWIN', 'KSWIN', {}],
].filter(([, name]) => detectors.includes(name as DriftDetectorName)) as Array<[string, DriftDetectorName, object]>;
console.log('\nScore stream: false alarms on 8 × 100 000 stationary scores / median delay after the mean shift\n');
console.log(`| detector | ${scores.map(([label]) => label).join(' | ')} |`);
console.log(`|---|${scores.map(() => '---').join('|')}|`);
for (const [label, name, options] of scoreDetectors) {
  console.log(`| ${label} | ${scores.map(([, from, to]) => `${alarms(name, options, from, SEEDS, LENGTH)} / ${medianDelay(name, options, from, to)}`).join(' | ')} |`);
}
