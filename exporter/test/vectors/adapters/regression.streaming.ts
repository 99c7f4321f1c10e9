/** regression.json through the streaming RegressionAccumulator, one row at a time. */
import { streamingRegressionAdapter } from '../streaming/regression.js';

export const adapter = streamingRegressionAdapter('one-pass');
