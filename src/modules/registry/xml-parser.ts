import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import {
  kindOf,
  type OnFiche,
  type OnProgress,
  type Registry,
  type RegistryFiche,
  type RegistryParseResult,
} from './domain/fiche.js';
import { RegistryFileError, where } from './errors.js';
import { ficheFromXml, type XmlElement } from './xml-fiche.js';
import { openSingleXmlEntry } from './zip.js';

/** Text handed to saxes at once: bounds the fiches queued between two awaits. */
const SLICE = 64 * 1024;
/** XML declaration, comments and whitespace before <FICHES>; a DOCTYPE ends there too. */
const MAX_PROLOG = 64 * 1024;
/** One FICHE, text included (the fixture's largest, ~470 partners, is 0.2 MB). */
const MAX_FICHE_CHARS = 64 * 1024 * 1024;
/** The flux nests 6 deep; anything much deeper is not an export. */
const MAX_DEPTH = 32;

const refused = (reason: string, line?: number, column?: number) =>
  new RegistryFileError(`Fichier refusé : ${reason}`, {
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  });

/**
 * Streams a France compétences XML export (flux V4.1, RNCP or RS) and hands each FICHE to
 * `onFiche` as soon as it is closed. Memory holds one FICHE and at most one 64 KiB slice of
 * input, whatever the file size: the document is never built. Backpressure: `onFiche` is
 * awaited before the next fiche is handed over, and the input is not read meanwhile.
 *
 * Safety: a DOCTYPE is refused (it is where entities are declared: billion laughs, external
 * entities); saxes never resolves external entities, and any entity reference other than the
 * five predefined ones (&amp; &lt; &gt; &quot; &apos;) is refused, as is malformed XML, a
 * truncated file or a root other than FICHES — all as RegistryFileError with line and column.
 *
 * On error, fiches before the fault may already have been handed over: the caller stages
 * them and discards the stage when the promise rejects (errors are thrown, never swallowed).
 * A file with no fiche is refused too (an empty export must not read as "everything removed").
 */
export async function parseRegistryXml(
  input: Readable,
  onFiche: OnFiche,
  onProgress?: OnProgress,
): Promise<RegistryParseResult> {
  const reader = new FicheReader();
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let fiches = 0;
  const seen = new Set<Registry>();

  const feed = async (text: string) => {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + SLICE, text.length);
      // Never split a surrogate pair between two writes.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
      reader.write(text.slice(start, end));
      start = end;
      for (let fiche = reader.next(); fiche; fiche = reader.next()) {
        await onFiche(fiche);
        fiches++;
        seen.add(fiche.registry);
      }
    }
  };

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    if (typeof chunk === 'string') {
      bytes += Buffer.byteLength(chunk);
      await feed(chunk);
    } else {
      bytes += chunk.length;
      await feed(decoder.write(chunk));
    }
    onProgress?.({ bytes, fiches });
  }
  await feed(decoder.end());
  reader.close();
  for (let fiche = reader.next(); fiche; fiche = reader.next()) {
    await onFiche(fiche);
    fiches++;
    seen.add(fiche.registry);
  }
  onProgress?.({ bytes, fiches });
  if (fiches === 0) throw refused('il ne contient aucune fiche (élément FICHE).');
  return { fiches, kind: kindOf(seen), version: reader.version };
}

/** The official XML comes as a zip holding one .xml file: streams it without unpacking to disk. */
export async function parseRegistryXmlZip(
  path: string,
  onFiche: OnFiche,
  onProgress?: OnProgress,
): Promise<RegistryParseResult> {
  const { stream, close } = await openSingleXmlEntry(path);
  try {
    return await parseRegistryXml(stream, onFiche, onProgress);
  } finally {
    stream.destroy();
    close();
  }
}

/** saxes events → one XmlElement tree per FICHE → RegistryFiche, queued until taken. */
class FicheReader {
  version = '';
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly ready: RegistryFiche[] = [];
  /** Open elements from the root down; FICHE subtrees are kept, the rest only named. */
  private readonly stack: { name: string; el?: XmlElement }[] = [];
  private ficheChars = 0;
  private prologChars = 0;
  private rootSeen = false;
  private versionText = '';

  constructor() {
    const p = this.parser;
    p.on('xmldecl', (decl) => {
      if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) {
        throw refused(`encodage « ${decl.encoding} » non pris en charge (UTF-8 attendu).`, p.line, p.column);
      }
    });
    p.on('doctype', () => {
      throw refused('il contient une déclaration DOCTYPE (entités non autorisées).', p.line, p.column);
    });
    p.on('error', (err) => {
      throw this.malformed(err.message);
    });
    p.on('opentag', (tag) => this.open(tag.name));
    p.on('closetag', (tag) => this.close_(tag.name));
    p.on('text', (text) => this.text(text));
    p.on('cdata', (text) => this.text(text));
  }

  write(text: string) {
    const p = this.parser;
    p.write(text);
    if (!this.rootSeen) {
      this.prologChars += text.length;
      if (this.prologChars > MAX_PROLOG) {
        throw refused(
          `aucun élément FICHES dans les ${MAX_PROLOG / 1024} premiers Kio (ce n’est pas un export RNCP/RS).`,
        );
      }
    }
    // saxes holds a text node, comment or attribute until it ends: bound that buffer too.
    if ((p as unknown as { text: string }).text.length > MAX_FICHE_CHARS) {
      throw refused(
        `texte de plus de ${MAX_FICHE_CHARS / 1024 / 1024} Mio d’un seul tenant (${where(p.line, p.column)}).`,
      );
    }
  }

  close() {
    this.parser.close();
  }

  next(): RegistryFiche | undefined {
    return this.ready.shift();
  }

  private open(name: string) {
    const p = this.parser;
    const depth = this.stack.length;
    if (depth === 0) {
      if (name !== 'FICHES') {
        throw refused(`l’élément racine est « ${name} », « FICHES » attendu.`, p.line, p.column);
      }
      this.rootSeen = true;
    }
    if (depth >= MAX_DEPTH)
      throw refused(`éléments imbriqués trop profondément (${where(p.line, p.column)}).`);
    const parent = this.stack[depth - 1];
    if (depth === 1 && name === 'FICHE') {
      this.ficheChars = 0;
      this.stack.push({ name, el: { name, text: '', children: [], line: p.line } });
      return;
    }
    if (parent?.el) {
      const el: XmlElement = { name, text: '', children: [], line: p.line };
      parent.el.children.push(el);
      this.stack.push({ name, el });
      return;
    }
    this.stack.push({ name });
  }

  private close_(name: string) {
    const top = this.stack.pop();
    if (this.stack.length === 1 && name === 'FICHE' && top?.el) {
      this.ready.push(ficheFromXml(top.el));
    } else if (this.stack.length === 1 && name === 'VERSION_FLUX') {
      this.version = this.versionText.trim();
    }
  }

  private text(text: string) {
    const top = this.stack[this.stack.length - 1];
    if (top?.el) {
      this.ficheChars += text.length;
      if (this.ficheChars > MAX_FICHE_CHARS) {
        throw refused(
          `une fiche dépasse ${MAX_FICHE_CHARS / 1024 / 1024} Mio (${where(this.parser.line, this.parser.column)}).`,
        );
      }
      top.el.text += text;
    } else if (this.stack.length === 2 && top?.name === 'VERSION_FLUX') {
      this.versionText += text;
    }
  }

  private malformed(raw: string): RegistryFileError {
    const p = this.parser;
    // saxes prefixes "line:column: "; the numbers go in our own wording.
    const message = raw.replace(/^\d+:\d+: /, '');
    const french = inFrench(message);
    const at = where(p.line, p.column);
    if (/undefined entity|malformed character entity|empty entity name/.test(message)) {
      return refused(
        `référence d’entité non autorisée ${at} (seules &amp; &lt; &gt; &quot; &apos; et les références numériques sont acceptées).`,
        p.line,
        p.column,
      );
    }
    if (/unclosed tag|unexpected end|document must contain a root/.test(message)) {
      return refused(`fichier tronqué ou incomplet : fin inattendue ${at} (${french}).`, p.line, p.column);
    }
    if (/doctype/i.test(message)) {
      return refused('il contient une déclaration DOCTYPE (entités non autorisées).', p.line, p.column);
    }
    return refused(`XML mal formé ${at} (${french}).`, p.line, p.column);
  }
}

/** saxes' messages (English) that a malformed export produces, in French. */
const SAXES_MESSAGES: [RegExp, (...groups: string[]) => string][] = [
  [/^unclosed tag: (.+)$/, (tag) => `balise <${tag}> non fermée`],
  [/^unmatched closing tag: (.+?)\.?$/, (tag) => `balise fermante </${tag}> sans balise ouvrante`],
  [/^unexpected close tag\.?$/, () => 'balise fermante inattendue'],
  [/^unexpected end\.?$/, () => 'fin de fichier inattendue'],
  [/^document must contain a root element\.?$/, () => 'aucun élément racine'],
  [/^documents may contain only one root\.?$/, () => 'plusieurs éléments racines'],
  [/^text data outside of root node\.?$/, () => 'du texte en dehors de l’élément racine'],
  [/^disallowed character in attribute name\.?$/, () => 'caractère interdit dans un nom d’attribut'],
  [/^disallowed character in tag name\.?$/, () => 'caractère interdit dans un nom de balise'],
  [/^disallowed character in closing tag\.?$/, () => 'caractère interdit dans une balise fermante'],
  [/^disallowed character\.?$/, () => 'caractère interdit'],
  [/^duplicate attribute: (.+?)\.?$/, (name) => `attribut ${name} en double`],
  [/^(unquoted attribute value|value must be quoted)\.?$/, () => 'valeur d’attribut sans guillemets'],
  [/^attribute without value\.?$/, () => 'attribut sans valeur'],
  [/^no whitespace between attributes\.?$/, () => 'espace manquante entre deux attributs'],
  [/^malformed comment\.?$/, () => 'commentaire mal formé'],
  [/^malformed name: (.+?)\.?$/, (name) => `nom mal formé : ${name}`],
  [/^forward-slash in opening tag not followed by >\.?$/, () => '« / » non suivi de « > » dans une balise'],
];

/** A French wording of saxes' message; one it does not know stays as is, marked as such. */
export function inFrench(message: string): string {
  for (const [pattern, say] of SAXES_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return `détail du lecteur XML : ${message.replace(/\.$/, '')}`;
}
