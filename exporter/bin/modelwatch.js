#!/usr/bin/env node
// The `modelwatch` bin. A committed shim, so that npm links the command at install time, before the
// TypeScript build has produced dist/ (the root `prepare` script builds it right after).
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('modelwatch: the package is not built yet; run `npm run build` in the repository root\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
