/**
 * Prints one plain closing line after a Jest run, e.g. `jest: 412 passed, 0 failed, 1 skipped`,
 * the language-neutral summary that CI logs are read for. Written at process exit so that it
 * stands after Jest's own summary.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `jest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stdout.write(line));
  }
}
module.exports = SummaryReporter;
