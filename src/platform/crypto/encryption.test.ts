import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEncryption, EncryptionError, KEY_BYTES, keyIdOf, parseEncryptionKey } from './encryption.js';

const key = randomBytes(KEY_BYTES);
const otherKey = randomBytes(KEY_BYTES);

/** The envelope with one base64url part changed by one bit. */
function flipBit(envelope: string, part: number): string {
  const parts = envelope.split('.');
  const bytes = Buffer.from(parts[part] as string, 'base64url');
  bytes[0] = (bytes[0] as number) ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encryption at rest (AES-256-GCM envelope)', () => {
  const enc = createEncryption({ current: key });

  it('round-trips text and bytes, with a fresh IV each time', () => {
    const nir = '1 85 05 78 006 084 36';
    const a = enc.encrypt(nir);
    const b = enc.encrypt(nir);
    expect(a).not.toBe(b);
    expect(a).not.toContain('85 05');
    expect(a.startsWith(`qe1.${keyIdOf(key)}.`)).toBe(true);
    expect(enc.decryptText(a)).toBe(nir);
    expect(enc.decryptText(b)).toBe(nir);
    const bytes = randomBytes(1000);
    expect(enc.decrypt(enc.encrypt(bytes)).equals(bytes)).toBe(true);
    expect(enc.decryptText(enc.encrypt(''))).toBe('');
    expect(enc.decryptText(enc.encrypt('Zoë Éléonore 🎓'))).toBe('Zoë Éléonore 🎓');
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const envelope = enc.encrypt('Marie Curie, née Skłodowska');
    for (const part of [2, 3, 4]) {
      expect(() => enc.decrypt(flipBit(envelope, part))).toThrow(EncryptionError);
    }
  });

  it('binds a value to its context: copied to another row, it does not read', () => {
    const envelope = enc.encrypt('1990-04-12', 'candidates.birth_date:row-1');
    expect(enc.decryptText(envelope, 'candidates.birth_date:row-1')).toBe('1990-04-12');
    expect(() => enc.decrypt(envelope, 'candidates.birth_date:row-2')).toThrow(EncryptionError);
    expect(() => enc.decrypt(envelope)).toThrow(EncryptionError);
  });

  it('refuses a value under another key, naming the key id and never a key', () => {
    const other = createEncryption({ current: otherKey });
    const envelope = other.encrypt('secret');
    let error: unknown;
    try {
      enc.decrypt(envelope);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EncryptionError);
    const message = (error as Error).message;
    expect(message).toContain(keyIdOf(otherKey));
    for (const k of [key, otherKey]) {
      expect(message).not.toContain(k.toString('hex'));
      expect(message).not.toContain(k.toString('base64'));
    }
    // The same key id with different key bytes (forged header) fails authentication.
    const forged = envelope.replace(`.${keyIdOf(otherKey)}.`, `.${keyIdOf(key)}.`);
    expect(() => enc.decrypt(forged)).toThrow(EncryptionError);
  });

  it('reads values of a previous key after rotation, and writes with the new one', () => {
    const before = createEncryption({ current: otherKey }).encrypt('ancienne valeur');
    const rotated = createEncryption({ current: key, previous: [otherKey] });
    expect(rotated.decryptText(before)).toBe('ancienne valeur');
    expect(rotated.encrypt('x').split('.')[1]).toBe(keyIdOf(key));
    expect(rotated.keyId).toBe(keyIdOf(key));
  });

  it('refuses what is not an envelope', () => {
    for (const bad of ['', 'hello', 'qe2.a.b.c.d', 'qe1.x.y.z', `qe1.${keyIdOf(key)}.AAAA.AAAA.AAAA`]) {
      expect(() => enc.decrypt(bad)).toThrow(EncryptionError);
    }
  });

  it('needs 32-byte keys', () => {
    expect(() => createEncryption({ current: randomBytes(16) })).toThrow(EncryptionError);
  });
});

describe('parseEncryptionKey', () => {
  it('reads 64 hex characters, base64 and base64url', () => {
    expect(parseEncryptionKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString('hex').toUpperCase())?.equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(` ${key.toString('base64')}\n`)?.equals(key)).toBe(true);
  });

  it('refuses other lengths and alphabets', () => {
    for (const bad of [
      '',
      'x'.repeat(64),
      key.toString('hex').slice(2),
      randomBytes(16).toString('base64'),
      randomBytes(48).toString('base64'),
      'a passphrase that is long enough to look like a key, but is not',
    ]) {
      expect(parseEncryptionKey(bad)).toBeUndefined();
    }
  });
});

describe('keyed hash', () => {
  const enc = createEncryption({ current: randomBytes(KEY_BYTES) });
  it('is stable for one key and purpose, differs by value, purpose and key, and holds no value', () => {
    const h = enc.keyedHash('190042B001234', 'candidates.nir');
    expect(enc.keyedHash('190042B001234', 'candidates.nir')).toBe(h);
    expect(h).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(enc.keyedHash('190042B001235', 'candidates.nir')).not.toBe(h);
    expect(enc.keyedHash('190042B001234', 'other')).not.toBe(h);
    expect(
      createEncryption({ current: randomBytes(KEY_BYTES) }).keyedHash('190042B001234', 'candidates.nir'),
    ).not.toBe(h);
    expect(h).not.toContain('190042');
  });
});
