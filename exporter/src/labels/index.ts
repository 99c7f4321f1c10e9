/** Delayed labels: the bounded store of predictions waiting for their ground truth. */
export { PendingPredictions, DEFAULT_RECENT_IDS } from './pending-predictions.js';
export type { PendingEntry, PendingLookup, PendingPredictionsOptions } from './pending-predictions.js';
export { normalizeLabelId, MAX_LABEL_ID_LENGTH } from './label-id.js';
export { RecentIds } from './recent-ids.js';
