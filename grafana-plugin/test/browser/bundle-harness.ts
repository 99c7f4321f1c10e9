import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the browser harness (the real panel, @grafana/data, @grafana/ui, React) into one script.
 * React's development build is used so that React's own warnings surface as console errors.
 */
export async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'harness', 'index.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"', global: 'window' },
    loader: { '.css': 'empty', '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.png': 'empty' },
  });
  const output = result.outputFiles[0];
  if (!output) {
    throw new Error('esbuild produced no output for the panel harness');
  }
  return output.text;
}
