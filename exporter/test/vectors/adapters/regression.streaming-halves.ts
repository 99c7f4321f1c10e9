/** regression.json through the streaming RegressionAccumulator: two halves (one via JSON) merged. */
import { streamingRegressionAdapter } from '../streaming/regression.js';

export const adapter = streamingRegressionAdapter('halves-merged');
