/** fairness.json through the streaming FairnessAccumulator: two halves (one via JSON) merged. */
import { streamingFairnessAdapter } from '../streaming/fairness.js';

export const adapter = streamingFairnessAdapter('halves-merged');
