/** fairness.json through the streaming FairnessAccumulator, row by row: the same fields as adapters/fairness.ts. */
import { z } from 'zod';
import { FairnessAccumulator } from '../../../src/performance/fairness-accumulator.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type FamilyAdapter } from '../types.js';
import { feedRows, type FeedMode } from './feed-rows.js';

const fairnessInput = z.strictObject({ y_true: z.array(z.number()), y_pred: z.array(z.number()), group: z.array(z.string()) });

/** The fairness adapter over the streaming accumulator, rows fed in `mode`. */
export function streamingFairnessAdapter(mode: FeedMode): FamilyAdapter {
  return {
    family: 'fairness',
    run(testCase) {
      if (testCase.group !== undefined) throw new UnsupportedCaseError(`fairness has no groups; got ${testCase.group}`);
      const input = parseInput(fairnessInput, testCase);
      const rows = input.y_true.length;
      if (rows === 0 || input.y_pred.length !== rows || input.group.length !== rows) throw new RangeError('y_true, y_pred and group must be non-empty and of equal length');
      const distinctGroups = new Set(input.group).size;
      const report = feedRows(
        rows,
        mode,
        () => new FairnessAccumulator({ maxGroups: Math.max(distinctGroups, 1) }),
        (acc, row) => acc.record(input.y_true[row] as number, input.y_pred[row] as number, input.group[row] as string),
        (json) => FairnessAccumulator.fromJSON(json),
      ).result();
      if (report.skipped > 0) throw new RangeError(`${report.skipped} rows hold a label other than 0/1`);
      return {
        groups: report.groups,
        per_group: Object.fromEntries(
          report.perGroup.map((rates) => [
            rates.group,
            { count: rates.count, n_positive: rates.positives, n_negative: rates.negatives, selection_rate: rates.selectionRate, tpr: rates.truePositiveRate, fpr: rates.falsePositiveRate },
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
}
