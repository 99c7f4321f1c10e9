/**
 * regression.json through the streaming RegressionAccumulator, row by row: the same fields as
 * adapters/regression.ts (scikit-learn 1.2.1 sklearn.metrics on 1-D inputs).
 */
import { z } from 'zod';
import { RegressionAccumulator } from '../../../src/performance/regression-accumulator.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';
import { feedRows, type FeedMode } from './feed-rows.js';

const regressionInput = z.strictObject({ y_true: z.array(z.number()), y_pred: z.array(z.number()) });
const PINBALL_FIELD = /^pinball_(\d*\.?\d+)$/;

/** The regression adapter over the streaming accumulator, rows fed in `mode`. */
export function streamingRegressionAdapter(mode: FeedMode): FamilyAdapter {
  return {
    family: 'regression',
    run(testCase) {
      if (testCase.group !== undefined) throw new UnsupportedCaseError(`regression has no groups; got ${testCase.group}`);
      const { y_true: yTrue, y_pred: yPred } = parseInput(regressionInput, testCase);
      if (yTrue.length === 0 || yTrue.length !== yPred.length) throw new RangeError(`y_true and y_pred must be non-empty and of equal length, got ${yTrue.length} and ${yPred.length}`);
      const pinballFields = Object.keys(testCase.expected).flatMap((field) => {
        const match = PINBALL_FIELD.exec(field);
        return match === null ? [] : [{ field, alpha: Number(match[1]) }];
      });
      const result = feedRows(
        yTrue.length,
        mode,
        () => new RegressionAccumulator({ quantiles: pinballFields.map((p) => p.alpha) }),
        (acc, row) => acc.record(yTrue[row] as number, yPred[row] as number),
        (json) => RegressionAccumulator.fromJSON(json),
      ).result();
      if (result.skipped > 0) throw new RangeError(`${result.skipped} rows hold a NaN or infinite value`);
      if (!result.medianAbsoluteErrorExact) throw new UnsupportedCaseError('more rows than the exact median limit; the vectors must stay within it');
      const fields: ComputedFields = {
        mae: result.meanAbsoluteError,
        mse: result.meanSquaredError,
        rmse: result.rootMeanSquaredError,
        mape: result.meanAbsolutePercentageError,
        median_absolute_error: result.medianAbsoluteError,
        r2: result.r2,
      };
      for (const { field, alpha } of pinballFields) fields[field] = result.pinballLoss[String(alpha)];
      return fields;
    },
  };
}
