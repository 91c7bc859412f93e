import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, ImportFileError, readImportFile } from './import-file.js';

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('readImportFile', () => {
  it('numbers rows as the spreadsheet does (header = 1), blank rows skipped but counted', async () => {
    const sheet = await readImportFile(csv(['a;b', '1;2', '', '3;"x;y"']));
    expect(sheet).toEqual({
      format: 'csv',
      header: ['a', 'b'],
      rows: [
        { row: 2, cells: ['1', '2'] },
        { row: 4, cells: ['3', 'x;y'] },
      ],
    });
  });

  it('strips a BOM and picks « , » when the header has more commas than semicolons', async () => {
    const sheet = await readImportFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(['a,b', '1,2'])]));
    expect(sheet.header).toEqual(['a', 'b']);
    expect(sheet.rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('takes exactly the row limit, trailing blank lines included; one more row is refused', async () => {
    const rows = Array(IMPORT_LIMITS.rows).fill('x');
    expect((await readImportFile(csv(['a', ...rows, '', '', '']))).rows).toHaveLength(IMPORT_LIMITS.rows);
    await expect(readImportFile(csv(['a', ...rows, 'x']))).rejects.toBeInstanceOf(ImportFileError);
  });

  it('refuses bytes that are neither a workbook nor UTF-8', async () => {
    await expect(readImportFile(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).rejects.toThrow(/UTF-8/);
  });
});
