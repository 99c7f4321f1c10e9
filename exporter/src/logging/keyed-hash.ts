/**
 * Keyed hashing of logged identifiers and values: HMAC-SHA256 with the user's secret, cut to a
 * fixed number of hex characters. Without the secret the hash cannot be reversed by trying likely
 * values (as a plain SHA-256 of an e-mail address or an account id could).
 */
import { createHmac } from 'node:crypto';

/**
 * A function hashing text with HMAC-SHA256 under `secret`, returning the first `hexLength` hex characters.
 * Equal inputs give equal hashes under one secret, so hashed ids still join log lines to each other.
 * @internal
 * @example keyedHash('s3cret-key-of-32-bytes........', 16)('user-42') // 16 hex characters
 */
export function keyedHash(secret: string | Uint8Array, hexLength: number): (text: string) => string {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  return (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex').slice(0, hexLength);
}
