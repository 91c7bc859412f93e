import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest: AES-256-GCM under the one `DATA_ENCRYPTION_KEY`. A value is stored as a
 * text envelope `qe1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts), so that:
 * - the version (`qe1`) lets the format change later;
 * - the key id says which key encrypted it, so a new key can be introduced while older values
 *   are still read with the previous one (rotation: `createEncryption({ current, previous })`);
 * - the tag authenticates the value, its header and an optional context (e.g. `table.column:id`),
 *   so a tampered value, or one copied to another row, fails to decrypt instead of reading wrong.
 * Errors never carry the key or the plaintext.
 */
export const KEY_BYTES = 32;
const VERSION = 'qe1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class EncryptionError extends Error {
  override name = 'EncryptionError';
}

/**
 * A 32-byte key from its text form: 64 hexadecimal characters, or base64 / base64url (43–44
 * characters). Anything else → undefined (the caller says what is wrong, without the value).
 */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  return undefined;
}

/** A short public name for a key (not secret: a hash prefix), stored in each envelope. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('qualif-data-key-id\n').update(key).digest('base64url').slice(0, 8);
}

export type Encryption = {
  /** The id of the key new values are encrypted with. */
  readonly keyId: string;
  encrypt(plaintext: string | Buffer, context?: string): string;
  decrypt(envelope: string, context?: string): Buffer;
  decryptText(envelope: string, context?: string): string;
  /**
   * A keyed hash (HMAC-SHA-256, base64url) of a value, for finding equal values without
   * decrypting them (e.g. a NIR already held). Its key is derived from the current key and the
   * `purpose` (HKDF), so hashes of one purpose say nothing about another's. A new current key
   * gives new hashes: stored ones must be computed again (from the decrypted values).
   */
  keyedHash(value: string, purpose: string): string;
};

export function createEncryption(keys: { current: Buffer; previous?: readonly Buffer[] }): Encryption {
  const byId = new Map<string, Buffer>();
  for (const key of [keys.current, ...(keys.previous ?? [])]) {
    if (key.length !== KEY_BYTES) throw new EncryptionError(`An encryption key must be ${KEY_BYTES} bytes.`);
    byId.set(keyIdOf(key), key);
  }
  const keyId = keyIdOf(keys.current);
  const aad = (id: string, context: string | undefined) => Buffer.from(`${VERSION}.${id}.${context ?? ''}`);

  function encrypt(plaintext: string | Buffer, context?: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', keys.current, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(keyId, context));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [VERSION, keyId, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  function decrypt(envelope: string, context?: string): Buffer {
    const parts = envelope.split('.');
    const [version, id, iv, ciphertext, tag] = parts;
    if (parts.length !== 5 || version !== VERSION || !id || !iv || ciphertext === undefined || !tag) {
      throw new EncryptionError('Not an encrypted value of a known format.');
    }
    const key = byId.get(id);
    if (!key) throw new EncryptionError(`Encrypted with an unknown key (id ${id}).`);
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
      throw new EncryptionError('Not an encrypted value of a known format.');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(id, context));
    decipher.setAuthTag(tagBytes);
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    } catch {
      throw new EncryptionError('The encrypted value was altered, or belongs elsewhere: it cannot be read.');
    }
  }

  const hashKeys = new Map<string, Buffer>();
  function keyedHash(value: string, purpose: string): string {
    let key = hashKeys.get(purpose);
    if (!key) {
      key = Buffer.from(
        hkdfSync('sha256', keys.current, Buffer.alloc(0), `qualif-keyed-hash:${purpose}`, 32),
      );
      hashKeys.set(purpose, key);
    }
    return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  }

  return {
    keyId,
    keyedHash,
    encrypt,
    decrypt,
    decryptText: (envelope, context) => decrypt(envelope, context).toString('utf8'),
  };
}
