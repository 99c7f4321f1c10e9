/**
 * Settled heap measurements inside Jest: a garbage collector obtained through V8's `--expose-gc` flag
 * set at run time (tests only; the library never evaluates code).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** heapUsed in MB after two full collections. */
export function settledHeapMb(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
