import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { winAnsiText } from './pathway-pdf.js';

describe('winAnsiText: what Helvetica (WinAnsi) can draw', async () => {
  const doc = await PDFDocument.create();
  const supported = new Set((await doc.embedFont(StandardFonts.Helvetica)).getCharacterSet());

  it('keeps all of French as it is', () => {
    const french = 'Élève à l’œuvre : « ça », déjà — Noël, Inscrit·e, 12 €';
    expect(winAnsiText(french, supported)).toBe(french);
  });

  it('replaces what it cannot encode: spaces, hyphens, an accent WinAnsi lacks stripped (ř → r, á kept), else ?', () => {
    expect(winAnsiText('1\u202f000\u2009h', supported)).toBe('1 000 h');
    expect(winAnsiText('Jean\u2010Marc', supported)).toBe('Jean-Marc');
    expect(winAnsiText('Dvořák Łukasz', supported)).toBe('Dvorák ?ukasz');
    expect(winAnsiText('王', supported)).toBe('?');
  });
});
