import { constants, deflateRawSync } from 'node:zlib';

/**
 * Hostile spreadsheets for tests and benches, generated in well under a second: a real
 * .xlsx (content types, workbook, one sheet named as a framework sheet) whose sheet repeats a
 * row millions of times. The sheet is deflated one block of rows once, the compressed block
 * repeated (each block is sync-flushed, so the copies concatenate into one valid stream).
 */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crcUpdate(crc: number, data: Buffer): number {
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Part = { name: string; crc: number; size: number; deflated: Buffer };

/** A part given as pieces, each repeated `times`: deflated piece by piece. */
function part(name: string, pieces: { data: Buffer; times?: number }[]): Part {
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [];
  for (const { data, times = 1 } of pieces) {
    const block = deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
    for (let i = 0; i < times; i++) {
      crc = crcUpdate(crc, data);
      out.push(block);
    }
    size += data.length * times;
  }
  out.push(deflateRawSync(Buffer.alloc(0))); // the final, empty block
  return { name, crc, size, deflated: Buffer.concat(out) };
}

/** A zip of the parts; `declare` may lie about a part's inflated size. */
function zip(parts: Part[], declare: (p: Part) => number = (p) => p.size): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    // Local header and central directory entry share this run of fields, from offset `at`:
    // version needed, flags (UTF-8 names), method (deflate), time, date, CRC, sizes, name length.
    const header = (signature: number, length: number, at: number) => {
      const b = Buffer.alloc(length);
      b.writeUInt32LE(signature, 0);
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(0x0800, at + 2);
      b.writeUInt16LE(8, at + 4);
      b.writeUInt32LE(p.crc, at + 10);
      b.writeUInt32LE(p.deflated.length, at + 14);
      b.writeUInt32LE(declare(p), at + 18);
      b.writeUInt16LE(name.length, at + 22);
      return b;
    };
    const local = header(0x04034b50, 30, 4);
    const entry = header(0x02014b50, 46, 6);
    entry.writeUInt16LE(20, 4); // version made by
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    central.push(entry, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function numberedRow(n: number, cells: number): string {
  const row = Array.from(
    { length: cells },
    (_, c) => `<c r="${String.fromCharCode(65 + c)}${n}"><v>1</v></c>`,
  );
  return `<row r="${n}">${row.join('')}</row>`;
}

/**
 * An xlsx whose one sheet (« Compétences ») holds `rows` rows of `cellsPerRow` numeric cells.
 * Rows carry no number (`<row>`), which lets one compressed block repeat: exceljs reads them
 * all, then gives up ("Invalid row number") — the hostile file of issue 9 (3.4 M rows in
 * ~230 kB) cost it 80 s and 2.5 GB first. `numbered` writes `<row r="n">` (slower to
 * generate, readable by exceljs). `lie`: the zip declares every part 100 bytes long.
 */
export function rowsWorkbook(
  rows: number,
  opts: { lie?: boolean; cellsPerRow?: number; numbered?: boolean } = {},
): Buffer {
  const BLOCK = 10_000;
  const cells = '<c><v>1</v></c>'.repeat(opts.cellsPerRow ?? 1);
  const rowsOf = (n: number) => Buffer.from(`<row>${cells}</row>`.repeat(n));
  const rest = rows % BLOCK;
  const body = opts.numbered
    ? [
        {
          data: Buffer.from(
            Array.from({ length: rows }, (_, i) => numberedRow(i + 1, opts.cellsPerRow ?? 1)).join(''),
          ),
        },
      ]
    : [
        { data: rowsOf(BLOCK), times: Math.floor(rows / BLOCK) },
        ...(rest > 0 ? [{ data: rowsOf(rest) }] : []),
      ];
  const sheet = part('xl/worksheets/sheet1.xml', [
    { data: xml(`<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`) },
    ...body,
    { data: Buffer.from('</sheetData></worksheet>') },
  ]);
  const parts = [
    part('[Content_Types].xml', [
      {
        data: xml(
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
            '<Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
            '</Types>',
        ),
      },
    ]),
    part('_rels/.rels', [
      {
        data: xml(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      },
    ]),
    part('xl/workbook.xml', [
      {
        data: xml(
          `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Compétences" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      },
    ]),
    part('xl/_rels/workbook.xml.rels', [
      {
        data: xml(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      },
    ]),
    sheet,
  ];
  return zip(parts, opts.lie ? () => 100 : undefined);
}

export type Watched<T> = { result: T; ms: number; health: { status: number; ms: number }[] };

/**
 * Runs `work` while asking `${base}/healthz` one request after another (never two at once),
 * until `work` is done and once more after: the latency of every answer, to show whether the
 * server kept answering while it worked.
 */
export async function whileWatchingHealth<T>(base: string, work: () => Promise<T>): Promise<Watched<T>> {
  const started = performance.now();
  let done = false;
  const running = work().finally(() => {
    done = true;
  });
  const health: { status: number; ms: number }[] = [];
  const ask = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    health.push({ status: res.status, ms: performance.now() - t0 });
  };
  do await ask();
  while (!done);
  await ask();
  const result = await running;
  return { result, ms: performance.now() - started, health };
}
