/**
 * A JSON Schema for Grafana dashboards derived from `@grafana/schema`'s TypeScript types (the
 * CUE-generated `Dashboard` interface, `raw/dashboard/x/types.gen.d.ts`) with ts-json-schema-generator,
 * and an Ajv validator for it. Interfaces become closed objects (`additionalProperties: false`), so
 * a misspelt or unknown field fails, as does a wrong type or a missing required field.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';

const require = createRequire(import.meta.url);

/** Path of the `Dashboard` type in the installed `@grafana/schema`. */
export function grafanaDashboardTypesPath(): string {
  const packageJson = require.resolve('@grafana/schema/package.json');
  return join(dirname(packageJson), 'dist', 'types', 'raw', 'dashboard', 'x', 'types.gen.d.ts');
}

/** The installed `@grafana/schema` version, for messages. */
export function grafanaSchemaVersion(): string {
  return (require('@grafana/schema/package.json') as { version: string }).version;
}

/** Derives the JSON Schema of `Dashboard` (takes about 1.5 s). */
export function deriveDashboardSchema(): Record<string, unknown> {
  const generator = createGenerator({ path: grafanaDashboardTypesPath(), type: 'Dashboard', skipTypeCheck: true });
  return generator.createSchema('Dashboard') as Record<string, unknown>;
}

/** Result of one validation: the errors as `path: message` lines. */
export interface SchemaVerdict {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/** Compiles a validator for the derived schema. */
export function createDashboardValidator(schema: Record<string, unknown> = deriveDashboardSchema()): (dashboard: unknown) => SchemaVerdict {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const describe = (error: ErrorObject): string => {
    const detail = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
    return `${error.instancePath || '/'}: ${error.message ?? error.keyword}${detail}`;
  };
  return (dashboard) => {
    const valid = validate(dashboard);
    return { valid, errors: valid ? [] : (validate.errors ?? []).map(describe) };
  };
}
