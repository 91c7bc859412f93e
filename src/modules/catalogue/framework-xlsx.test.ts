import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/paths.js';
import { frameworkSchema } from './domain/framework.js';
import { frameworkFromXlsx, frameworkToXlsx, WorkbookError } from './framework-xlsx.js';

const demo = JSON.parse(
  readFileSync(`${projectRoot}/src/app/demo-catalogue/certifications.json`, 'utf8'),
) as {
  code: string;
  framework: unknown;
}[];

describe('framework workbook', () => {
  it.each(demo.map((d) => [d.code, d.framework]))(
    '%s survives export then import unchanged',
    async (_, content) => {
      const framework = frameworkSchema.parse(content);
      const back = await frameworkFromXlsx(await frameworkToXlsx(framework));
      expect(frameworkSchema.parse(back)).toEqual(framework);
    },
  );

  it('names the sheet, row and column of what it cannot read', async () => {
    const framework = frameworkSchema.parse(demo[0]?.framework);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await frameworkToXlsx(framework)) as unknown as ArrayBuffer);
    wb.getWorksheet('Évaluation')!.getRow(2).getCell(2).value = 'télépathie';
    wb.getWorksheet('Règles des blocs')!.getRow(3).getCell(2).value = 'la plupart';
    wb.getWorksheet('Compétences')!.getRow(2).getCell(5).value = 'peut-être';
    const error = await frameworkFromXlsx(Buffer.from(await wb.xlsx.writeBuffer())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).errors.map((e) => e.field)).toEqual([
      'Compétences.ligne 2.Transversale',
      'Évaluation.ligne 2.Modalités',
      'Règles des blocs.ligne 3.Règle',
    ]);
  });

  it('refuses what is not a workbook, and a missing sheet', async () => {
    const notXlsx = await frameworkFromXlsx(Buffer.from('hello')).catch((e: unknown) => e);
    expect((notXlsx as WorkbookError).errors[0]?.field).toBe('file');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Métiers');
    const missing = await frameworkFromXlsx(Buffer.from(await wb.xlsx.writeBuffer())).catch(
      (e: unknown) => e,
    );
    expect((missing as WorkbookError).errors.map((e) => e.field)).toEqual([
      'Activités',
      'Compétences',
      'Évaluation',
      'Règles des blocs',
    ]);
  });
});
