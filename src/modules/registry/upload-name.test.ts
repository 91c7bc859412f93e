import { describe, expect, it } from 'vitest';
import { uploadedFileName } from './registry.routes.js';

describe('uploadedFileName', () => {
  it('keeps the last part of a path, decoded, without control characters', () => {
    expect(uploadedFileName('export_fiches_RNCP.xml')).toBe('export_fiches_RNCP.xml');
    expect(uploadedFileName('../../etc/passwd')).toBe('passwd');
    expect(uploadedFileName('C:\\\\Users\\\\moi\\\\export.zip')).toBe('export.zip');
    expect(uploadedFileName(encodeURIComponent('fiches-été.xml'))).toBe('fiches-été.xml');
    expect(uploadedFileName('a\u0000b\nc.xml')).toBe('abc.xml');
    expect(uploadedFileName('100%.xml')).toBe('100%.xml');
    expect(uploadedFileName('x'.repeat(300))).toHaveLength(200);
  });

  it('names a file sent without a name', () => {
    expect(uploadedFileName(undefined)).toBe('export.bin');
    expect(uploadedFileName('   ')).toBe('export.bin');
    expect(uploadedFileName('../')).toBe('export.bin');
  });
});
