import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FamilyAdapter } from './types.js';

const adaptersDirectory = join(dirname(fileURLToPath(import.meta.url)), 'adapters');

/** One adapter of a family: `adapters/<family>.ts` (no variant) or `adapters/<family>.<variant>.ts`. */
export interface RegisteredAdapter {
  variant: string | undefined;
  adapter: FamilyAdapter;
}

/** How a family/variant pair is shown in test names and the report, e.g. `classification (streaming)`. */
export function adapterLabel(family: string, variant: string | undefined): string {
  return variant === undefined ? family : `${family} (${variant})`;
}

/**
 * Loads every adapter in ./adapters (`export const adapter`), grouped by family. The file name is
 * the family, optionally followed by `.<variant>` (e.g. `classification.streaming.ts`): every
 * variant runs every case of the family. A family without an adapter file is reported by the
 * runner as not implemented.
 */
export async function loadAdapters(): Promise<Map<string, RegisteredAdapter[]>> {
  const adapters = new Map<string, RegisteredAdapter[]>();
  if (!existsSync(adaptersDirectory)) return adapters;
  const files = readdirSync(adaptersDirectory).filter((name) => name.endsWith('.ts')).sort();
  for (const file of files) {
    const stem = file.slice(0, -'.ts'.length);
    const dot = stem.indexOf('.');
    const family = dot === -1 ? stem : stem.slice(0, dot);
    const variant = dot === -1 ? undefined : stem.slice(dot + 1);
    const module = (await import(`./adapters/${stem}.js`)) as { adapter?: FamilyAdapter };
    if (module.adapter === undefined) throw new Error(`adapters/${file} must export const adapter: FamilyAdapter`);
    if (module.adapter.family !== family) throw new Error(`adapters/${file} declares family ${module.adapter.family}; the file name must start with the family`);
    const list = adapters.get(family) ?? [];
    list.push({ variant, adapter: module.adapter });
    adapters.set(family, list);
  }
  // The plain adapter first, then the variants by name.
  for (const list of adapters.values()) list.sort((a, b) => (a.variant ?? '').localeCompare(b.variant ?? ''));
  return adapters;
}
