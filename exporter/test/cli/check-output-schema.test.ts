import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { checkOutputSchema } from './check-output-schema.js';

interface JsonSchemaObject {
  type?: unknown;
  required?: string[];
  properties?: Record<string, JsonSchemaObject>;
  items?: JsonSchemaObject;
  enum?: string[];
}

const jsonSchema = JSON.parse(readFileSync(new URL('../../src/cli/check-output.schema.json', import.meta.url), 'utf8')) as JsonSchemaObject;

/** Every object's keys (as dotted paths, `[]` for array items) and every enum, from the JSON Schema. */
function describeJsonSchema(schema: JsonSchemaObject, path = ''): string[] {
  const lines: string[] = [];
  if (schema.enum !== undefined) lines.push(`${path} enum ${[...schema.enum].sort().join('|')}`);
  if (schema.properties !== undefined) {
    lines.push(`${path} keys ${[...(schema.required ?? [])].sort().join(',')}`);
    for (const [key, child] of Object.entries(schema.properties)) lines.push(...describeJsonSchema(child, `${path}.${key}`));
  }
  if (schema.items !== undefined) lines.push(...describeJsonSchema(schema.items, `${path}[]`));
  return lines;
}

/** The same description from the zod mirror (through zod's own JSON Schema export). */
function describeZod(): string[] {
  return describeJsonSchema(z.toJSONSchema(checkOutputSchema) as JsonSchemaObject);
}

describe('check output JSON Schema', () => {
  it('lists the same keys, required fields and enums as the zod mirror used to validate outputs', () => {
    expect(describeZod().sort()).toEqual(describeJsonSchema(jsonSchema).sort());
  });

  it('is the schema embedded in docs/cli.md', () => {
    const docs = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    const block = /```json schema\n([\s\S]*?)\n```/.exec(docs);
    expect(block).not.toBeNull();
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual(jsonSchema);
  });

  it('rejects a document with a pValue outside [0, 1] or an unknown check', () => {
    const valid = {
      dataset: { drifted: false, driftedShare: 0, weightedDriftedShare: null, rows: { reference: 10, current: 5 } },
      features: [{ name: 'age', kind: 'numeric', method: 'ks', score: 0.1, pValue: 0.5, threshold: 0.05, drifted: false, sampleSize: 5 }],
      quality: [{ feature: 'age', check: 'missing', value: null, threshold: 0.05, failed: false }],
    };
    expect(checkOutputSchema.safeParse(valid).success).toBe(true);
    const badPValue = { ...valid, features: [{ ...valid.features[0], pValue: 2 }] };
    expect(checkOutputSchema.safeParse(badPValue).success).toBe(false);
    const badCheck = { ...valid, quality: [{ ...valid.quality[0], check: 'spelling' }] };
    expect(checkOutputSchema.safeParse(badCheck).success).toBe(false);
  });
});
