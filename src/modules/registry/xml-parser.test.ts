import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RNCP_XML_FIXTURE as FIXTURE } from '../../../test/fixtures.js';
import { ficheHash, type RegistryFiche } from './domain/fiche.js';
import { RegistryFileError } from './errors.js';
import { inFrench, parseRegistryXml } from './xml-parser.js';

const fixtureText = readFileSync(FIXTURE, 'utf8');
const ficheTexts = [...fixtureText.matchAll(/<FICHE>[\s\S]*?<\/FICHE>/g)].map((m) => m[0]);
const ficheText = (numero: string) => {
  const found = ficheTexts.find((f) => f.includes(`<NUMERO_FICHE>${numero}</NUMERO_FICHE>`));
  if (!found) throw new Error(`${numero} absent de la fixture`);
  return found;
};
const document = (...fiches: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<FICHES>\n  <VERSION_FLUX>4.1</VERSION_FLUX>\n  ${fiches.join('\n  ')}\n</FICHES>\n`;

/** Feeds text as a file would come: Buffers of 64 KiB. */
const streamOf = (text: string | Buffer, chunk = 64 * 1024) => {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    })(),
  );
};

async function collect(input: Readable) {
  const fiches: RegistryFiche[] = [];
  const result = await parseRegistryXml(input, (f) => {
    fiches.push(f);
  });
  return { result, fiches };
}

/** Runs a parse expected to fail; returns the error and what was handed over before it. */
async function failure(input: Readable) {
  const fiches: RegistryFiche[] = [];
  const error = await parseRegistryXml(input, (f) => {
    fiches.push(f);
  }).then(
    () => {
      throw new Error('the parse should have been refused');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryFileError);
  return { error: error as RegistryFileError, fiches };
}

describe('parseRegistryXml on the real fixture', () => {
  it('reads the 12 fiches with their blocs, partners and statistics', async () => {
    const { result, fiches } = await collect(createReadStream(FIXTURE));
    expect(result).toEqual({ fiches: 12, kind: 'RNCP', version: '4.1' });
    expect(fiches.map((f) => f.numero)).toEqual([
      'RNCP34762',
      'RNCP35809',
      'RNCP35625',
      'RNCP35419',
      'RNCP37488',
      'RNCP40344',
      'RNCP36612',
      'RNCP37674',
      'RNCP36490',
      'RNCP35959',
      'RNCP37873',
      'RNCP39568',
    ]);
    expect(fiches.every((f) => f.blocs.length > 0 && f.level !== undefined)).toBe(true);
    expect(Math.max(...fiches.map((f) => f.partners.length))).toBe(471);
    expect(fiches.find((f) => f.numero === 'RNCP37674')?.partners).toHaveLength(471);
    expect(fiches.filter((f) => f.statistics.length > 0)).toHaveLength(10);
    expect(fiches.filter((f) => !f.active).map((f) => f.numero)).toEqual([
      'RNCP34762',
      'RNCP35625',
      'RNCP35419',
    ]);
    expect(new Set(fiches.map((f) => f.state))).toEqual(
      new Set(['Publiée', 'Modifications à valider', 'Modifications à valider par le ministère']),
    );
  });

  it('maps one fiche field by field', async () => {
    const { fiches } = await collect(createReadStream(FIXTURE));
    const f = fiches.find((x) => x.numero === 'RNCP40344');
    expect(f).toMatchObject({
      numero: 'RNCP40344',
      registry: 'RNCP',
      idFiche: 27642,
      title: 'Auxiliaire spécialisé vétérinaire',
      state: 'Modifications à valider',
      active: true,
      registrationType: 'Enregistrement sur demande',
      decisionDate: '2025-03-28',
      endDate: '2028-03-28',
      deliveryDeadline: '2032-03-28',
      level: 4,
      predecessors: ['RNCP37507'],
      successors: [],
      nsf: [{ code: '212t', label: 'Soins des animaux, soins vétérinaires' }],
      formacode: [{ code: '42022', label: 'Médecine vétérinaire' }],
    });
    expect(f?.abbreviation).toBeUndefined();
    expect(f?.effectDate).toBeUndefined();
    expect(f?.rome.map((r) => r.code)).toEqual(['A1500', 'M1601', 'D1210', 'A1504']);
    expect(f?.certifiers).toEqual([
      { siret: '52875765100013', name: 'ANIMAL PRO FORMATION', state: 'Actif' },
      { name: 'SNVEL', state: 'Actif' },
    ]);
    expect(f?.partners).toHaveLength(24);
    expect(f?.partners[0]).toEqual({
      name: 'AGRICAMPUS LAVAL',
      siret: '19530081900016',
      habilitation: 'ORGA_FORM',
      state: 'Actif',
      activeSince: '2025-03-28',
    });
    expect(f?.blocs.map((b) => b.code)).toEqual([
      'RNCP40344BC01',
      'RNCP40344BC02',
      'RNCP40344BC03',
      'RNCP40344BC04',
    ]);
    expect(f?.blocs[0]?.label).toBe('Conseiller la clientèle du vétérinaire');
    expect(f?.blocs[0]?.competencies).toMatch(/^Accueillir un propriétaire d'animal/);
    expect(f?.blocs[0]?.assessment).toMatch(/^Mises en situations reconstituées "Accueil"/);
    expect(f?.juries.CL).toEqual({ active: false });
    expect(f?.juries.FI).toEqual({ active: false });
    expect(f?.juries.VAE.active).toBe(true);
    expect(f?.juries.VAE.composition).toMatch(/^Le jury national de certification est composé de/);
    expect(f?.correspondences).toHaveLength(8);
    expect(f?.correspondences[0]).toEqual({
      sourceBlocs: ['RNCP40344BC04'],
      destinationFiche: 'RNCP37507',
      destinationBlocs: ['RNCP37507BC04'],
    });
    expect(f?.statistics).toEqual([
      { year: 2023, certified: 908, certifiedVae: 228, insertion6Months: 95 },
      { year: 2021, certified: 760, certifiedVae: 225, insertion6Months: 98, insertionJob2Years: 95 },
      { year: 2022, certified: 850, certifiedVae: 193, insertion6Months: 97, insertionJob2Years: 91 },
    ]);
    expect(f?.texts.objectives).toMatch(/^L' « Auxiliaire Spécialisé Vétérinaire »/);

    const gem = fiches[0];
    expect(gem).toMatchObject({
      numero: 'RNCP34762',
      title: 'Programme Grande Ecole – Diplôme d’études supérieures en management',
      abbreviation: { code: 'DipViGrM', label: 'Diplôme visé grade de master' },
      active: false,
      registrationType: 'Enregistrement de droit',
      publicationDate: '2020-07-23',
      effectDate: '2020-09-01',
      endDate: '2024-08-31',
      level: 7,
      successors: ['RNCP39568'],
      predecessors: ['RNCP24998'],
    });
    // &amp; in the file → & in the text
    expect(gem?.texts.jobTypes).toContain('R&D');
    // A correspondence with the whole fiche: no bloc on either side.
    const dwwm = fiches.find((x) => x.numero === 'RNCP37674');
    expect(dwwm?.correspondences[0]).toEqual({
      sourceBlocs: [],
      destinationFiche: 'RNCP31114',
      destinationBlocs: [],
    });
  });

  it('gives identical hashes twice, and a different one when a field changes', async () => {
    const first = (await collect(createReadStream(FIXTURE))).fiches.map(ficheHash);
    const second = (await collect(streamOf(fixtureText, 1000))).fiches.map(ficheHash);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(12);

    const edited = fixtureText.replace(
      '<DATE_EFFET>01/09/2020</DATE_EFFET>',
      '<DATE_EFFET>02/09/2020</DATE_EFFET>',
    );
    const third = (await collect(streamOf(edited))).fiches.map(ficheHash);
    expect(third[0]).not.toBe(first[0]);
    expect(third.slice(1)).toEqual(first.slice(1));
  });

  it('ignores unknown elements and keeps CDATA', async () => {
    const base = ficheText('RNCP35809');
    const plain = (await collect(streamOf(document(base)))).fiches[0]!;
    const extended = base
      .replace('<INTITULE>', '<NOUVEL_ELEMENT><X a="1">valeur</X></NOUVEL_ELEMENT>\n    <INTITULE>')
      .replace('</FICHE>', '<AUTRE_BLOC><CODE>Z</CODE></AUTRE_BLOC></FICHE>');
    const withExtras = document(base).replace('<FICHES>', '<FICHES>\n<GENERATION date="2025-01-01"/>');
    expect(ficheHash((await collect(streamOf(document(extended)))).fiches[0]!)).toBe(ficheHash(plain));
    expect(ficheHash((await collect(streamOf(withExtras))).fiches[0]!)).toBe(ficheHash(plain));

    const cdata = base.replace(
      /<ACTIVITES_VISEES>[\s\S]*?<\/ACTIVITES_VISEES>/,
      '<ACTIVITES_VISEES>\n  <![CDATA[<p>Concevoir & réaliser</p>]]>\n</ACTIVITES_VISEES>',
    );
    const f = (await collect(streamOf(document(cdata)))).fiches[0]!;
    expect(f.texts.activities).toBe('<p>Concevoir & réaliser</p>');
  });
});

describe('parseRegistryXml on RS and mixed files', () => {
  const rs = ficheText('RNCP35809')
    .replace('<NUMERO_FICHE>RNCP35809</NUMERO_FICHE>', '<NUMERO_FICHE>RS5000</NUMERO_FICHE>')
    .replace(/\s*<NOMENCLATURE_EUROPE>[\s\S]*?<\/NOMENCLATURE_EUROPE>/, '')
    .replace(/\s*<BLOCS_COMPETENCES>[\s\S]*?<\/BLOCS_COMPETENCES>/, '');

  it('reads an RS fiche: no level, no blocs', async () => {
    const { result, fiches } = await collect(streamOf(document(rs)));
    expect(result).toEqual({ fiches: 1, kind: 'RS', version: '4.1' });
    expect(fiches[0]).toMatchObject({ numero: 'RS5000', registry: 'RS', blocs: [] });
    expect(fiches[0]?.level).toBeUndefined();
    expect(fiches[0]?.certifiers[0]?.siret).toBe('11004401300040');
  });

  it('reports a file with both registries as MIXED', async () => {
    const { result } = await collect(streamOf(document(ficheText('RNCP34762'), rs)));
    expect(result.kind).toBe('MIXED');
  });
});

describe('parseRegistryXml refuses unsafe or broken files', () => {
  it('refuses a truncated copy with line and column, after the fiches before the cut', async () => {
    const bytes = Buffer.from(fixtureText);
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const complete = cut.toString('utf8').split('</FICHE>').length - 1;
    const { error, fiches } = await failure(streamOf(cut));
    expect(error.message).toMatch(/^Fichier refusé : fichier tronqué/);
    expect(error.message).toMatch(/\(balise <[A-Z_]+> non fermée\)\.$/);
    expect(error.line).toBeGreaterThanOrEqual(cut.toString('utf8').split('\n').length - 1);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toContain(`ligne ${error.line}, colonne ${error.column}`);
    // Handed over before the cut: the import service stages them and discards the stage on error.
    expect(fiches).toHaveLength(complete);
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(12);
  });

  it('names line and column of malformed XML', async () => {
    const broken = fixtureText.replace('<ETAT_FICHE>Publiée</ETAT_FICHE>', '<ETAT_FICHE>Publiée</ETAT>');
    const { error, fiches } = await failure(streamOf(broken));
    expect(error.message).toMatch(
      /^Fichier refusé : XML mal formé ligne 22, colonne \d+ \(balise fermante inattendue\)\.$/,
    );
    expect(error.line).toBe(22);
    expect(fiches).toHaveLength(0);
  });

  it('refuses a DOCTYPE before any fiche', async () => {
    const withDoctype = fixtureText.replace('?>\n', '?>\n<!DOCTYPE FICHES [<!ENTITY x "y">]>\n');
    const { error, fiches } = await failure(streamOf(withDoctype));
    expect(error.message).toBe(
      'Fichier refusé : il contient une déclaration DOCTYPE (entités non autorisées).',
    );
    expect(fiches).toHaveLength(0);

    const external = fixtureText.replace(
      '?>\n',
      '?>\n<!DOCTYPE FICHES [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    );
    expect((await failure(streamOf(external.replace('<INTITULE>', '<INTITULE>&xxe;')))).fiches).toHaveLength(
      0,
    );
  });

  it('refuses an undeclared entity', async () => {
    const { error, fiches } = await failure(streamOf(fixtureText.replace('<INTITULE>', '<INTITULE>&x;')));
    expect(error.message).toBe(
      'Fichier refusé : référence d’entité non autorisée ligne 17, colonne 17 (seules &amp; &lt; &gt; &quot; &apos; et les références numériques sont acceptées).',
    );
    expect(fiches).toHaveLength(0);
    // The five predefined entities and character references are fine.
    const ok = ficheText('RNCP35809').replace('<INTITULE>', '<INTITULE>&lt;&gt;&quot;&apos;&#233;&#x41;');
    expect((await collect(streamOf(document(ok)))).fiches[0]?.title).toMatch(/^<>"'éA/);
  });

  it('refuses a billion laughs file fast', async () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE FICHES [',
      ' <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      `<FICHES>${ficheText('RNCP35809').replace('<INTITULE>', '<INTITULE>&lol9;')}</FICHES>`,
    ].join('\n');
    const started = performance.now();
    const { error, fiches } = await failure(streamOf(lol));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.message).toMatch(/DOCTYPE/);
    expect(fiches).toHaveLength(0);

    // Without the DOCTYPE the reference is undeclared: refused as well.
    const bare = `<FICHES>${ficheText('RNCP35809').replace('<INTITULE>', '<INTITULE>&lol9;')}</FICHES>`;
    expect((await failure(streamOf(bare))).error.message).toMatch(/entité non autorisée/);
  });

  it('refuses another root, another encoding, an empty export and a non-XML file', async () => {
    const other = await failure(streamOf('<?xml version="1.0"?>\n<CERTIFICATIONS><FICHE/></CERTIFICATIONS>'));
    expect(other.error.message).toBe(
      'Fichier refusé : l’élément racine est « CERTIFICATIONS », « FICHES » attendu.',
    );
    const latin1 = await failure(streamOf(fixtureText.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')));
    expect(latin1.error.message).toMatch(/encodage « ISO-8859-1 » non pris en charge/);
    expect((await failure(streamOf(document()))).error.message).toMatch(/aucune fiche/);
    expect((await failure(streamOf('Numero_Fiche;Intitule\r\nRNCP1;x\r\n'))).error.message).toMatch(
      /^Fichier refusé : /,
    );
    expect((await failure(streamOf(`<!-- ${'x'.repeat(100_000)} -->`))).error.message).toMatch(
      /aucun élément FICHES/,
    );
  });

  it('refuses an invalid date, naming the fiche, the element and its line', async () => {
    const bad = fixtureText.replace(
      '<DATE_EFFET>01/09/2020</DATE_EFFET>',
      '<DATE_EFFET>31/02/2020</DATE_EFFET>',
    );
    const { error } = await failure(streamOf(bad));
    expect(error.message).toBe(
      'Fiche RNCP34762, élément DATE_EFFET (ligne 164) : date invalide « 31/02/2020 » (format attendu JJ/MM/AAAA).',
    );
    expect(error).toMatchObject({ fiche: 'RNCP34762', element: 'DATE_EFFET', line: 164 });
    expect(error.errors[0]?.field).toBe('file.RNCP34762.DATE_EFFET');
  });

  it('lets an error of onFiche through and stops reading', async () => {
    let calls = 0;
    const boom = new Error('staging failed');
    await expect(
      parseRegistryXml(createReadStream(FIXTURE), () => {
        calls++;
        if (calls === 3) throw boom;
      }),
    ).rejects.toBe(boom);
    expect(calls).toBe(3);
  });
});

describe('parseRegistryXml streams', () => {
  const template = ficheText('RNCP37488');
  function* generated(count: number, pulled?: { chunks: number }) {
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n';
    for (let i = 0; i < count; i++) {
      if (pulled) pulled.chunks++;
      yield template.replaceAll('RNCP37488', `RNCP${100_000 + i}`);
    }
    yield '</FICHES>\n';
  }

  it('waits for onFiche before reading on (backpressure)', async () => {
    const pulled = { chunks: 0 };
    let running = 0;
    let maxAhead = 0;
    let seen = 0;
    const result = await parseRegistryXml(Readable.from(generated(200, pulled)), async () => {
      running++;
      expect(running).toBe(1);
      maxAhead = Math.max(maxAhead, pulled.chunks - seen);
      await sleep(1);
      seen++;
      running--;
    });
    expect(result.fiches).toBe(200);
    // The source is read at most a stream buffer (16 chunks) ahead of the consumer.
    expect(maxAhead).toBeLessThanOrEqual(20);
  });

  it('parses 20,000 generated fiches in bounded memory', { timeout: 120_000 }, async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let count = 0;
    const result = await parseRegistryXml(
      Readable.from(generated(20_000)),
      (f) => {
        if (f.registry === 'RNCP') count++;
      },
      () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    );
    expect(result).toEqual({ fiches: 20_000, kind: 'RNCP', version: '4.1' });
    expect(count).toBe(20_000);
    // ~250 MB of XML went through.
    expect((peak - before) / 1024 / 1024).toBeLessThan(100);
  });
});

describe('inFrench', () => {
  it('words saxes’ messages in French, and marks one it does not know', () => {
    expect(inFrench('unclosed tag: FICHES')).toBe('balise <FICHES> non fermée');
    expect(inFrench('disallowed character in attribute name.')).toBe(
      'caractère interdit dans un nom d’attribut',
    );
    expect(inFrench('duplicate attribute: id.')).toBe('attribut id en double');
    expect(inFrench('something new.')).toBe('détail du lecteur XML : something new');
  });
});
