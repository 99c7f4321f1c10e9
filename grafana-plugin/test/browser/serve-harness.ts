import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const WEIGHTS: Record<string, string> = { Thin: '100', Light: '300', Regular: '400', Medium: '500', SemiBold: '600', Bold: '700' };

/**
 * Grafana's global styles load Inter from `public/fonts/inter/Inter-<Weight>[Italic].woff2`, which a
 * Grafana server serves; here the same font comes from the @fontsource/inter package.
 */
function interFont(pathname: string): string | undefined {
  const match = /^\/public\/fonts\/inter\/Inter-(\w*?)(Italic)?\.woff2$/.exec(pathname);
  if (!match) {
    return undefined;
  }
  const weight = WEIGHTS[match[1] || 'Regular'] ?? '400';
  const file = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files', `inter-latin-${weight}-${match[2] ? 'italic' : 'normal'}.woff2`);
  return fs.existsSync(file) ? file : undefined;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>modelwatch panel harness</title></head>
<body style="margin:0;padding:12px"><div id="root"></div><script src="/harness.js"></script></body></html>`;

/** Serves the harness page and its bundle on 127.0.0.1 (a free port); `close` stops the server. */
export async function serveHarness(bundle: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const font = interFont(pathname);
    if (font) {
      res.writeHead(200, { 'content-type': 'font/woff2' });
      res.end(fs.readFileSync(font));
    } else if (pathname === '/harness.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(bundle);
    } else if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
