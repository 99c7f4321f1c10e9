/**
 * regression.json → MAE, MSE, RMSE, MAPE, median AE, R², pinball loss at every `pinball_<alpha>` field.
 * Reference: scikit-learn 1.2.1 sklearn.metrics on 1-D inputs.
 */
import { z } from 'zod';
import { medianAbsoluteError } from '../../../src/stats/median-absolute-error.js';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanPinballLoss,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from '../../../src/stats/regression-errors.js';
import { parseInput } from '../parse-input.js';
import { UnsupportedCaseError, type ComputedFields, type FamilyAdapter } from '../types.js';

const regressionInput = z.strictObject({
  y_true: z.array(z.number()),
  y_pred: z.array(z.number()),
});

/** `pinball_0.9` names the quantile level of the loss it holds. */
const PINBALL_FIELD = /^pinball_(\d*\.?\d+)$/;

export const adapter: FamilyAdapter = {
  family: 'regression',
  run(testCase) {
    if (testCase.group !== undefined) throw new UnsupportedCaseError(`regression has no groups; got ${testCase.group}`);
    const { y_true: yTrue, y_pred: yPred } = parseInput(regressionInput, testCase);
    const fields: ComputedFields = {
      mae: meanAbsoluteError(yTrue, yPred),
      mse: meanSquaredError(yTrue, yPred),
      rmse: rootMeanSquaredError(yTrue, yPred),
      mape: meanAbsolutePercentageError(yTrue, yPred),
      median_absolute_error: medianAbsoluteError(yTrue, yPred),
      r2: r2Score(yTrue, yPred),
    };
    for (const field of Object.keys(testCase.expected)) {
      const match = PINBALL_FIELD.exec(field);
      if (match !== null) fields[field] = meanPinballLoss(yTrue, yPred, Number(match[1]));
    }
    return fields;
  },
};
