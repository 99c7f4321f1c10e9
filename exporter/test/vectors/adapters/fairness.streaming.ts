/** fairness.json through the streaming FairnessAccumulator, one row at a time. */
import { streamingFairnessAdapter } from '../streaming/fairness.js';

export const adapter = streamingFairnessAdapter('one-pass');
