/**
 * The resource of the MeterProvider `startModelwatch` creates.
 */
import { defaultResource, detectResources, envDetector, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { ResolvedModelwatchConfig } from './resolve-modelwatch-config.js';

/**
 * SDK defaults (`service.name` = `unknown_service:<process>`, `telemetry.sdk.*`), then `OTEL_RESOURCE_ATTRIBUTES` and
 * `OTEL_SERVICE_NAME` (read by `@opentelemetry/resources`' `envDetector`, which a bare `MeterProvider` does not run),
 * then `options.resourceAttributes`, then `options.serviceName`; later sources win per key.
 * @internal
 */
export function buildResource(overrides: ResolvedModelwatchConfig['resource']): Resource {
  const fromOptions = {
    ...overrides.attributes,
    ...(overrides.serviceName === undefined ? {} : { [ATTR_SERVICE_NAME]: overrides.serviceName }),
  };
  return defaultResource().merge(detectResources({ detectors: [envDetector] })).merge(resourceFromAttributes(fromOptions));
}
