/** classification.json through the streaming ClassificationAccumulator, one row at a time. */
import { streamingClassificationAdapter } from '../streaming/classification.js';

export const adapter = streamingClassificationAdapter('one-pass');
