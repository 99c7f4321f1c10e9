/**
 * Turns Ajv's first validation error into a message that names the field, e.g.
 * `body.features.amount must be number,null` or `body.features.amout is not a known field`.
 */

/** The parts of an Ajv error the message uses. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldPath(dataVar: string, instancePath: string, child?: unknown): string {
  const parts = instancePath.split('/').filter((part) => part !== '');
  if (typeof child === 'string') parts.push(child);
  return [dataVar, ...parts].join('.');
}

/**
 * A readable message for the first error.
 *
 * @example validationMessage([{ instancePath: '/features', keyword: 'required', params: { missingProperty: 'amount' } }], 'body')
 * // 'body.features.amount is required'
 */
export function validationMessage(errors: readonly SchemaError[], dataVar: string): string {
  const error = errors[0];
  if (error === undefined) return `${dataVar} is invalid`;
  switch (error.keyword) {
    case 'required':
      return `${fieldPath(dataVar, error.instancePath, error.params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${fieldPath(dataVar, error.instancePath, error.params.additionalProperty)} is not a known field`;
    default:
      return `${fieldPath(dataVar, error.instancePath)} ${error.message ?? 'is invalid'}`;
  }
}
