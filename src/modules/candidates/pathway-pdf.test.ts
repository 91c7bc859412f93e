import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { dayOf, frenchDate, winAnsiText } from './pathway-pdf.js';

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

describe('frenchDate', () => {
  it('writes a calendar date as French does, the first of the month « 1er »', () => {
    expect(frenchDate('2027-03-01')).toBe('1er mars 2027');
    expect(frenchDate('2027-01-04')).toBe('4 janvier 2027');
  });

  it('a timestamp is dated by its day in Paris, not in UTC', () => {
    expect(dayOf('2026-12-01T23:30:00.000Z')).toBe('2 décembre 2026');
    expect(dayOf('2027-06-30T21:59:00.000Z')).toBe('30 juin 2027');
    expect(dayOf('2027-06-30T22:00:00.000Z')).toBe('1er juillet 2027');
  });
});
