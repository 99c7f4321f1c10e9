/**
 * fairness.json → per-group rates and between-group differences (by definition; see the file's `definition`).
 */
import { z } from 'zod';
import { groupFairness } from '../../../src/stats/group-fairness.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type FamilyAdapter } from '../types.js';

const fairnessInput = z.strictObject({
  y_true: z.array(z.number()),
  y_pred: z.array(z.number()),
  group: z.array(z.string()),
});

export const adapter: FamilyAdapter = {
  family: 'fairness',
  run(testCase) {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`fairness has no groups; got ${testCase.group}`);
    const input = parseInput(fairnessInput, testCase);
    const report = groupFairness(input.y_true, input.y_pred, input.group);
    return {
      groups: report.groups,
      per_group: Object.fromEntries(
        report.perGroup.map((rates) => [
          rates.group,
          {
            count: rates.count,
            n_positive: rates.positives,
            n_negative: rates.negatives,
            selection_rate: rates.selectionRate,
            tpr: rates.truePositiveRate,
            fpr: rates.falsePositiveRate,
          },
        ]),
      ),
      demographic_parity_difference: report.demographicParityDifference,
      disparate_impact_ratio: report.disparateImpactRatio,
      equal_opportunity_difference: report.equalOpportunityDifference,
      equalized_odds_difference: report.equalizedOddsDifference,
      tpr_difference: report.truePositiveRateDifference,
      fpr_difference: report.falsePositiveRateDifference,
    };
  },
};
