import { describe, expect, it } from 'vitest';
import { blocForms, registryCarryEdges } from './carrying.js';

const entry = (sourceBlocs: string[], destinationFiche: string, destinationBlocs: string[]) => ({
  sourceBlocs,
  destinationFiche,
  destinationBlocs,
});

describe('registry carrying edges', () => {
  it('reads an entry both ways, between certifications linked to each fiche', () => {
    const edges = registryCarryEdges([
      {
        certificationId: 'new',
        fiche: 'RNCP36490',
        correspondences: [entry(['RNCP36490BC02', 'RNCP36490BC03'], 'RNCP35419', ['RNCP35419BC04'])],
      },
      { certificationId: 'old', fiche: 'RNCP35419', correspondences: [] },
    ]);
    expect(edges.map((e) => [e.fromCertificationId, e.fromBlocs, e.toCertificationId, e.toBlocs])).toEqual([
      ['old', ['RNCP35419BC04'], 'new', ['RNCP36490BC02', 'BC02', 'RNCP36490BC03', 'BC03']],
      ['new', ['RNCP36490BC02', 'RNCP36490BC03'], 'old', ['RNCP35419BC04', 'BC04']],
    ]);
    expect(edges[0]?.fromFiche).toBe('RNCP35419');
    expect(edges[0]?.correspondence.fiche).toBe('RNCP36490');
  });

  it('carries nothing for an entry of whole certifications, a fiche linked to nothing, or the same certification', () => {
    expect(
      registryCarryEdges([
        {
          certificationId: 'a',
          fiche: 'RNCP37674',
          correspondences: [
            entry([], 'RNCP31114', []),
            entry(['RNCP37674BC01'], 'RNCP99999', ['RNCP99999BC01']),
            entry(['RNCP37674BC04'], 'RS6626', []),
            entry(['RNCP37674BC02'], 'RNCP31114', ['RNCP31114BC02']),
          ],
        },
        { certificationId: 'a', fiche: 'RNCP31114', correspondences: [] },
      ]),
    ).toEqual([]);
  });

  it('the same entry published on both fiches gives each edge once', () => {
    const edges = registryCarryEdges([
      {
        certificationId: 'x',
        fiche: 'RNCP1',
        correspondences: [entry(['RNCP1BC01'], 'RNCP2', ['RNCP2BC03'])],
      },
      {
        certificationId: 'y',
        fiche: 'RNCP2',
        correspondences: [entry(['RNCP2BC03'], 'RNCP1', ['RNCP1BC01'])],
      },
    ]);
    expect(edges).toHaveLength(2);
  });

  it('a registry bloc code names the framework bloc with or without its fiche’s number', () => {
    expect(blocForms('RNCP40344', 'RNCP40344BC04')).toEqual(['RNCP40344BC04', 'BC04']);
    expect(blocForms('RNCP40344', 'BC04')).toEqual(['BC04']);
  });
});
