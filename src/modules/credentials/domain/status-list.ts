import { gunzipSync, gzipSync } from 'node:zlib';
import { STATUS_LISTS, type StatusListNumber, statusListUrl, VC_V2 } from './credential.js';

/**
 * Bitstring Status List v1.0 (W3C): one bit per award at its `status_list_index`, the list
 * GZIP-compressed and multibase base64url-encoded (`u…`), in a `BitstringStatusListCredential`.
 * The spec's minimum is 131,072 bits (16 KB: herd privacy); a list grows by whole 16 KB blocks.
 * Bits are numbered from the left (index 0: the most significant bit of the first byte).
 */
export const MIN_STATUS_LIST_BITS = 131_072;

/** The number of bits a list needs to hold `lastIndex`. */
export function listLength(lastIndex: number): number {
  return Math.max(1, Math.ceil((lastIndex + 1) / MIN_STATUS_LIST_BITS)) * MIN_STATUS_LIST_BITS;
}

/** The encoded list (`u` + base64url of the GZIP of the bits) with `set` bits on. */
export function encodeStatusList(length: number, set: Iterable<number>): string {
  const bytes = new Uint8Array(length / 8);
  for (const index of set) {
    if (!Number.isInteger(index) || index < 0 || index >= length)
      throw new RangeError(`index out of the list: ${index}`);
    bytes[index >> 3] = (bytes[index >> 3] as number) | (0x80 >> (index & 7));
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** Whether bit `index` of an encoded list is on (throws on a malformed list). */
export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('not a multibase base64url list');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (!Number.isInteger(index) || index < 0 || index >= bytes.length * 8)
    throw new RangeError('index out of the list');
  return ((bytes[index >> 3] as number) & (0x80 >> (index & 7))) !== 0;
}

/** The unsigned status list credential of list `list`. */
export function buildStatusListCredential(input: {
  publicUrl: string;
  issuerDid: string;
  list: StatusListNumber;
  length: number;
  set: Iterable<number>;
  validFrom: string;
}): Record<string, unknown> {
  const purpose = STATUS_LISTS.find((l) => l.list === input.list)?.purpose as string;
  const url = statusListUrl(input.publicUrl, input.list);
  return {
    '@context': [VC_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerDid,
    validFrom: input.validFrom,
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purpose,
      encodedList: encodeStatusList(input.length, input.set),
    },
  };
}
