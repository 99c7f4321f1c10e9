/**
 * Replays planned traffic against the example service in real time: each prediction is sent when
 * its timestamp comes, each label when its `labelAt` comes (delayed ground truth), over HTTP.
 */
import type { SimulatedRow } from '../simulator/index.js';

export interface TrafficStats {
  predictions: number;
  labels: number;
  failedRequests: number;
}

interface PendingLabel {
  at: number;
  id: string;
  actual: 0 | 1;
}

async function post(url: string, body: unknown): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Sends `rows` to `baseUrl` (`/predict`, then `/label`) as their times come; resolves when every
 * prediction is sent (labels still due are dropped: the demo ends) or `signal` aborts.
 */
export async function driveTraffic(options: {
  baseUrl: string;
  rows: readonly SimulatedRow[];
  tickMs?: number;
  signal?: AbortSignal;
  onTick?: (stats: TrafficStats, now: number) => void;
}): Promise<TrafficStats> {
  const stats: TrafficStats = { predictions: 0, labels: 0, failedRequests: 0 };
  const labels: PendingLabel[] = [];
  const tickMs = options.tickMs ?? 100;
  let next = 0;
  while (next < options.rows.length && options.signal?.aborted !== true) {
    const now = Date.now();
    const requests: Array<Promise<boolean>> = [];
    while (next < options.rows.length && (options.rows[next] as SimulatedRow).timestamp <= now) {
      const row = options.rows[next++] as SimulatedRow;
      requests.push(post(`${options.baseUrl}/predict`, { id: row.id, features: row.features, region: row.segment, attributes: row.attributes }));
      if (row.labelAt !== null) labels.push({ at: row.labelAt, id: row.id, actual: row.label });
    }
    stats.predictions += requests.length;
    labels.sort((a, b) => a.at - b.at);
    let due = 0;
    while (due < labels.length && (labels[due] as PendingLabel).at <= now) due++;
    for (const label of labels.splice(0, due)) requests.push(post(`${options.baseUrl}/label`, { id: label.id, actual: label.actual }));
    stats.labels += due;
    const results = await Promise.all(requests);
    stats.failedRequests += results.filter((ok) => !ok).length;
    options.onTick?.(stats, now);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, tickMs - (Date.now() - now))));
  }
  return stats;
}
