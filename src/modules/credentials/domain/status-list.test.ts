import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildStatusListCredential,
  encodeStatusList,
  listLength,
  MIN_STATUS_LIST_BITS,
  statusBit,
} from './status-list.js';

describe('Bitstring Status List', () => {
  it('a list holds at least 131,072 bits and grows by whole 16 KB blocks', () => {
    expect(listLength(-1)).toBe(MIN_STATUS_LIST_BITS);
    expect(listLength(0)).toBe(MIN_STATUS_LIST_BITS);
    expect(listLength(MIN_STATUS_LIST_BITS - 1)).toBe(MIN_STATUS_LIST_BITS);
    expect(listLength(MIN_STATUS_LIST_BITS)).toBe(2 * MIN_STATUS_LIST_BITS);
  });

  it('bits are numbered from the left of the first byte, GZIP then multibase base64url (u…)', () => {
    const encoded = encodeStatusList(MIN_STATUS_LIST_BITS, [0, 9, 131_071]);
    expect(encoded.startsWith('u')).toBe(true);
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bytes.length).toBe(16_384);
    expect(bytes[0]).toBe(0b1000_0000);
    expect(bytes[1]).toBe(0b0100_0000);
    expect(bytes[16_383]).toBe(0b0000_0001);
    for (const i of [0, 9, 131_071]) expect(statusBit(encoded, i)).toBe(true);
    for (const i of [1, 8, 10, 131_070]) expect(statusBit(encoded, i)).toBe(false);
  });

  it('refuses an index outside the list', () => {
    expect(() => encodeStatusList(MIN_STATUS_LIST_BITS, [MIN_STATUS_LIST_BITS])).toThrow(RangeError);
    expect(() => statusBit(encodeStatusList(MIN_STATUS_LIST_BITS, []), -1)).toThrow(RangeError);
  });

  it('the list credential names its purpose: 1 revocation, 2 suspension', () => {
    const make = (list: 1 | 2) =>
      buildStatusListCredential({
        publicUrl: 'https://q.example',
        issuerDid: 'did:web:q.example',
        list,
        length: MIN_STATUS_LIST_BITS,
        set: [3],
        validFrom: '2026-12-01T00:00:00Z',
      });
    expect(make(1)).toMatchObject({
      id: 'https://q.example/api/v1/credentials/status/1',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:q.example',
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(make(2)).toMatchObject({ credentialSubject: { statusPurpose: 'suspension' } });
  });
});
