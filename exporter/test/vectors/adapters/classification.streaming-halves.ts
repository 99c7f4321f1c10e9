/** classification.json through the streaming ClassificationAccumulator: two halves (one via JSON) merged. */
import { streamingClassificationAdapter } from '../streaming/classification.js';

export const adapter = streamingClassificationAdapter('halves-merged');
