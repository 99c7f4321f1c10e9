/**
 * The cross-field rules of a reference profile that its zod schema cannot express: edges strictly
 * increasing, one count and one fraction per bin, counts adding up to the row count, fractions
 * summing to 1, the feature order naming each feature once, a baseline naming existing columns.
 */
import { QuantileSketch } from '../sketches/index.js';
import type { FeatureProfile, NumericFeatureProfile, ReferenceProfile } from './schema.js';
import { formatIssuePath } from './profile-error.js';
import type { ProfileIssue } from './profile-error.js';

/** Allowed |sum of fractions - 1|, and |fraction - count / total|. */
export const FRACTION_TOLERANCE = 1e-6;

type Report = (path: readonly PropertyKey[], message: string) => void;

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function checkFractions(report: Report, path: readonly PropertyKey[], fractions: readonly number[], counts: readonly number[], total: number): void {
  fractions.forEach((fraction, i) => {
    const expected = total > 0 ? (counts[i] as number) / total : 0;
    if (Math.abs(fraction - expected) > FRACTION_TOLERANCE) {
      report([...path, i], `must equal the count divided by the total (${counts[i]} / ${total} = ${expected}), got ${fraction}`);
    }
  });
  const fractionSum = sum(fractions);
  if (total > 0 && Math.abs(fractionSum - 1) > FRACTION_TOLERANCE) report(path, `must sum to 1, got ${fractionSum}`);
}

function checkNumeric(report: Report, at: readonly PropertyKey[], feature: NumericFeatureProfile): void {
  const { binEdges, binCounts, binFractions } = feature;
  binEdges.forEach((edge, i) => {
    const previous = binEdges[i - 1];
    if (previous !== undefined && !(edge > previous)) {
      report([...at, 'binEdges', i], `must be greater than binEdges[${i - 1}] (${edge} <= ${previous})`);
    }
  });
  const binCount = binEdges.length + 1;
  if (binCounts.length !== binCount) {
    report([...at, 'binCounts'], `must have binEdges.length + 1 = ${binCount} entries, got ${binCounts.length}`);
  } else if (sum(binCounts) !== feature.count) {
    report([...at, 'binCounts'], `must sum to count (${feature.count}), got ${sum(binCounts)}`);
  }
  if (binFractions.length !== binCount) {
    report([...at, 'binFractions'], `must have binEdges.length + 1 = ${binCount} entries, got ${binFractions.length}`);
  } else if (binCounts.length === binCount) {
    checkFractions(report, [...at, 'binFractions'], binFractions, binCounts, sum(binCounts));
  }
  if (feature.infiniteCount > feature.count) report([...at, 'infiniteCount'], `must not exceed count (${feature.infiniteCount} > ${feature.count})`);
  const finiteCount = feature.count - feature.infiniteCount;
  if (feature.range === null) {
    if (finiteCount > 0) report([...at, 'range'], `must be { min, max } when the feature has ${finiteCount} finite values`);
  } else if (feature.range.min > feature.range.max) {
    report([...at, 'range', 'min'], `must not exceed range.max (${feature.range.min} > ${feature.range.max})`);
  }
  if (feature.quantiles !== null) {
    const entries = Object.entries(feature.quantiles);
    entries.forEach(([name, value], i) => {
      const previous = entries[i - 1];
      if (previous !== undefined && value < previous[1]) {
        report([...at, 'quantiles', name], `must not be below quantiles.${previous[0]} (${value} < ${previous[1]})`);
      }
    });
  }
  try {
    QuantileSketch.fromJSON(feature.sketch);
  } catch (error) {
    report([...at, 'sketch'], `is not a valid quantile sketch (${(error as Error).message})`);
  }
}

function checkCategories(report: Report, at: readonly PropertyKey[], feature: Exclude<FeatureProfile, NumericFeatureProfile>): void {
  const seen = new Set<string>();
  feature.categories.forEach((entry, i) => {
    if (seen.has(entry.value)) report([...at, 'categories', i, 'value'], `duplicate category ${JSON.stringify(entry.value)}`);
    seen.add(entry.value);
  });
  if (feature.kind === 'boolean') {
    const values = feature.categories.map((entry) => entry.value);
    if (values.length !== 2 || values[0] !== 'false' || values[1] !== 'true') {
      report([...at, 'categories'], `a boolean feature must list exactly the categories "false" then "true", got ${JSON.stringify(values)}`);
    }
  }
  const counts = [...feature.categories.map((entry) => entry.count), feature.otherCount];
  const fractions = [...feature.categories.map((entry) => entry.fraction), feature.otherFraction];
  const total = sum(counts);
  if (total !== feature.count) {
    report([...at, 'categories'], `category counts plus otherCount must sum to count (${feature.count}), got ${total}`);
    return;
  }
  fractions.forEach((fraction, i) => {
    const expected = total > 0 ? (counts[i] as number) / total : 0;
    if (Math.abs(fraction - expected) > FRACTION_TOLERANCE) {
      const path = i < feature.categories.length ? [...at, 'categories', i, 'fraction'] : [...at, 'otherFraction'];
      report(path, `must equal the count divided by count (${counts[i]} / ${total} = ${expected}), got ${fraction}`);
    }
  });
  const fractionSum = sum(fractions);
  if (total > 0 && Math.abs(fractionSum - 1) > FRACTION_TOLERANCE) {
    report([...at, 'categories'], `category fractions plus otherFraction must sum to 1, got ${fractionSum}`);
  }
}

function checkFeature(report: Report, profile: ReferenceProfile, name: string, feature: FeatureProfile): void {
  const at = ['features', name];
  const accounted = feature.count + feature.missingCount + feature.typeErrorCount;
  if (accounted !== profile.rowCount) {
    report([...at, 'count'], `count + missingCount + typeErrorCount must equal rowCount (${feature.count} + ${feature.missingCount} + ${feature.typeErrorCount} != ${profile.rowCount})`);
  }
  const expectedRate = profile.rowCount > 0 ? feature.missingCount / profile.rowCount : 0;
  if (Math.abs(feature.missingRate - expectedRate) > FRACTION_TOLERANCE) {
    report([...at, 'missingRate'], `must equal missingCount / rowCount (${expectedRate}), got ${feature.missingRate}`);
  }
  if (feature.kind === 'numeric') checkNumeric(report, at, feature);
  else checkCategories(report, at, feature);
}

function checkBaseline(report: Report, profile: ReferenceProfile): void {
  const { baseline } = profile;
  if (baseline === undefined) return;
  if (baseline.prediction === undefined && baseline.score === undefined) {
    report(['baseline'], 'needs a prediction or a score column beside the target');
  }
  for (const role of ['target', 'prediction', 'score'] as const) {
    const column = baseline[role];
    if (column === undefined) continue;
    const feature = profile.features[column];
    if (feature === undefined) report(['baseline', role], `names column ${JSON.stringify(column)}, which is not in features`);
    else if (feature.role !== role) report(['baseline', role], `names column ${JSON.stringify(column)}, whose role is ${feature.role}, not ${role}`);
  }
}

/**
 * Every cross-field problem of a profile that already passed the zod schema, as `{ path, message }`
 * (empty when the profile is consistent).
 *
 * @internal used by `parseProfile`.
 */
export function checkProfile(profile: ReferenceProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const report: Report = (path, message) => issues.push({ path: formatIssuePath(path), message });
  const seen = new Set<string>();
  profile.featureOrder.forEach((name, i) => {
    if (seen.has(name)) report(['featureOrder', i], `lists ${JSON.stringify(name)} twice`);
    else if (!Object.hasOwn(profile.features, name)) report(['featureOrder', i], `names ${JSON.stringify(name)}, which is not in features`);
    seen.add(name);
  });
  for (const [name, feature] of Object.entries(profile.features)) {
    if (!seen.has(name)) report(['featureOrder'], `does not list feature ${JSON.stringify(name)}`);
    checkFeature(report, profile, name, feature);
  }
  checkBaseline(report, profile);
  return issues;
}
