/**
 * Reading the standard OpenTelemetry environment variables that `startModelwatch` applies itself
 * (the ones the exporter packages do not read). Invalid values never throw: they are reported as
 * warnings and ignored, as the OpenTelemetry specification asks of SDK environment variables.
 */

/** Environment variables as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A value read from the environment, or a warning explaining why it was ignored. @internal */
export type EnvironmentValue<T> =
  | { readonly value: T; readonly variable: string }
  | { readonly value: undefined; readonly warning?: string };

/** The trimmed value of `name`, or undefined when unset or blank (as `@opentelemetry/core` reads it). @internal */
export function readString(env: Environment, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** The first of `names` that is set, with its name. @internal */
export function readFirstString(env: Environment, names: readonly string[]): { value: string; variable: string } | undefined {
  for (const variable of names) {
    const value = readString(env, variable);
    if (value !== undefined) return { value, variable };
  }
  return undefined;
}

/** A positive whole number of milliseconds from the first of `names` that is set. @internal */
export function readPositiveMillis(env: Environment, names: readonly string[]): EnvironmentValue<number> {
  const found = readFirstString(env, names);
  if (found === undefined) return { value: undefined };
  const millis = Number(found.value);
  if (!Number.isFinite(millis) || millis <= 0 || millis > 2_147_483_647) {
    return {
      value: undefined,
      warning: `${found.variable}=${JSON.stringify(found.value)} is not a positive number of milliseconds; ignored`,
    };
  }
  return { value: Math.round(millis), variable: found.variable };
}

/** `true` when `name` is set to `true` (any case), as the OpenTelemetry boolean variables are read. @internal */
export function readBoolean(env: Environment, name: string): boolean {
  return readString(env, name)?.toLowerCase() === 'true';
}

/** A comma-separated list in lower case, without blanks, or undefined when unset. @internal */
export function readList(env: Environment, name: string): string[] | undefined {
  const raw = readString(env, name);
  if (raw === undefined) return undefined;
  return raw
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
}
