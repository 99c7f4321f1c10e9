/**
 * A MetricReader that only collects when asked (`await reader.collect()`), so a benchmark decides
 * when collection happens and times it.
 */
import { MetricReader } from '@opentelemetry/sdk-metrics';

export class ManualReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}
