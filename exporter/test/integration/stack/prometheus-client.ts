/** One series of an instant-query result: its labels (with `__name__`) and its value. */
export interface InstantSample {
  readonly metric: Readonly<Record<string, string>>;
  /** The sample value as a number (`+Inf`, `NaN` decoded). */
  readonly value: number;
  /** Evaluation timestamp in seconds. */
  readonly timestamp: number;
}

/** Condition on a query result that `waitFor` waits for. */
export type SamplePredicate = (samples: readonly InstantSample[]) => boolean;

/** A small client for the Prometheus HTTP API (`/api/v1/...`). */
export interface PrometheusClient {
  /** Instant query (`/api/v1/query`); the result must be a vector. */
  query(expr: string): Promise<InstantSample[]>;
  /**
   * Polls `query(expr)` until `predicate` holds (default: at least one series) and returns that
   * result; throws with the last result seen after `timeoutMs`.
   */
  waitFor(expr: string, predicate?: SamplePredicate, timeoutMs?: number): Promise<InstantSample[]>;
  /** Values of one label (`/api/v1/label/<name>/values`), optionally restricted by series selectors. */
  labelValues(label: string, ...match: string[]): Promise<string[]>;
  /** Label sets of the series matching the selectors (`/api/v1/series`). */
  series(...match: string[]): Promise<Array<Record<string, string>>>;
}

interface ApiEnvelope {
  status: 'success' | 'error';
  data?: unknown;
  errorType?: string;
  error?: string;
}

interface VectorData {
  resultType: string;
  result: Array<{ metric: Record<string, string>; value: [number, string] }>;
}

const POLL_INTERVAL_MS = 250;

/** Builds a client for the Prometheus at `baseUrl`, e.g. `http://127.0.0.1:9090`. */
export function createPrometheusClient(baseUrl: string): PrometheusClient {
  if (!/^https?:\/\/[^/]+$/.test(baseUrl)) {
    throw new RangeError(`baseUrl must look like http://host:port without a path, got ${JSON.stringify(baseUrl)}`);
  }

  async function get(path: string, params: Array<[string, string]>): Promise<unknown> {
    const url = `${baseUrl}${path}?${new URLSearchParams(params).toString()}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as ApiEnvelope;
    if (body.status !== 'success') {
      throw new Error(`Prometheus ${path} failed (HTTP ${response.status}, ${body.errorType}): ${body.error}`);
    }
    return body.data;
  }

  async function query(expr: string): Promise<InstantSample[]> {
    const data = (await get('/api/v1/query', [['query', expr]])) as VectorData;
    if (data.resultType !== 'vector') throw new Error(`query ${expr} returned a ${data.resultType}, not a vector`);
    return data.result.map(({ metric, value: [timestamp, value] }) => ({ metric, timestamp, value: Number(value) }));
  }

  async function waitFor(
    expr: string,
    predicate: SamplePredicate = (samples) => samples.length > 0,
    timeoutMs = 15_000,
  ): Promise<InstantSample[]> {
    const deadline = Date.now() + timeoutMs;
    let last: string;
    for (;;) {
      try {
        const samples = await query(expr);
        if (predicate(samples)) return samples;
        last = JSON.stringify(samples);
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() >= deadline) {
        throw new Error(`waitFor(${expr}): condition not met within ${timeoutMs} ms; last result: ${last}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  async function labelValues(label: string, ...match: string[]): Promise<string[]> {
    const params = match.map((selector): [string, string] => ['match[]', selector]);
    return (await get(`/api/v1/label/${encodeURIComponent(label)}/values`, params)) as string[];
  }

  async function series(...match: string[]): Promise<Array<Record<string, string>>> {
    if (match.length === 0) throw new RangeError('series needs at least one selector, e.g. {job="app"}');
    const params = match.map((selector): [string, string] => ['match[]', selector]);
    return (await get('/api/v1/series', params)) as Array<Record<string, string>>;
  }

  return { query, waitFor, labelValues, series };
}
