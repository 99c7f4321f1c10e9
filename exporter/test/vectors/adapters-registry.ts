import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FamilyAdapter } from './types.js';

const adaptersDirectory = join(dirname(fileURLToPath(import.meta.url)), 'adapters');

/**
 * Loads every adapter in ./adapters (file name = family name, `export const adapter`).
 * A family without an adapter file is reported by the runner as not implemented.
 */
export async function loadAdapters(): Promise<Map<string, FamilyAdapter>> {
  const adapters = new Map<string, FamilyAdapter>();
  if (!existsSync(adaptersDirectory)) return adapters;
  const files = readdirSync(adaptersDirectory).filter((name) => name.endsWith('.ts')).sort();
  for (const file of files) {
    const family = file.slice(0, -'.ts'.length);
    const module = (await import(`./adapters/${family}.js`)) as { adapter?: FamilyAdapter };
    if (module.adapter === undefined) throw new Error(`adapters/${file} must export const adapter: FamilyAdapter`);
    if (module.adapter.family !== family) throw new Error(`adapters/${file} declares family ${module.adapter.family}; the file name must equal the family`);
    adapters.set(family, module.adapter);
  }
  return adapters;
}
