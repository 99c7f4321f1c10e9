/** Runs a panel query on Prometheus the way Grafana does (range or instant) and counts finite samples. */

interface ApiResponse {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: Array<{ value?: [number, string]; values?: Array<[number, string]> }> };
}

/** Finite samples and series a query returned. */
export interface QueryOutcome {
  readonly series: number;
  readonly finiteSamples: number;
}

/**
 * Executes `expr` as a range query over [startS, endS] with `stepS`, or as an instant query at `endS`.
 * @throws with Prometheus' error text when the query does not parse or fails.
 */
export async function runPanelQuery(prometheusUrl: string, expr: string, options: { instant: boolean; startS: number; endS: number; stepS: number }): Promise<QueryOutcome> {
  const params = options.instant
    ? new URLSearchParams({ query: expr, time: String(options.endS) })
    : new URLSearchParams({ query: expr, start: String(options.startS), end: String(options.endS), step: String(options.stepS) });
  const path = options.instant ? '/api/v1/query' : '/api/v1/query_range';
  const response = await fetch(`${prometheusUrl}${path}?${params.toString()}`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as ApiResponse;
  if (body.status !== 'success' || body.data === undefined) throw new Error(`Prometheus rejected ${expr}: ${body.error ?? `HTTP ${response.status}`}`);
  const samples = body.data.result.flatMap((series) => series.values ?? (series.value === undefined ? [] : [series.value]));
  return { series: body.data.result.length, finiteSamples: samples.filter(([, value]) => Number.isFinite(Number(value))).length };
}
