/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as @grafana/create-plugin writes this file */
// Jest setup provided by Grafana scaffolding, for the jsdom tests only: the browser test under
// test/browser runs in the node environment (it drives a real Chromium) and has no DOM globals.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
