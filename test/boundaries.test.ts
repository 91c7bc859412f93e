import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERSHIP } from '../src/platform/db/ownership.js';
import { checkSource, checkTree, tablesInSql } from './boundaries.js';
import { ISOLATED_TEST_FILES } from './isolated-files.js';

/**
 * Module boundaries (docs/architecture.md): each table is named only by its owner's code, a
 * module imports another only through its services, domain and schemas, and shared code
 * (platform…) imports no module. The checker is in test/boundaries.ts.
 */
const root = path.resolve(import.meta.dirname, '..');

describe('the source tree', () => {
  it('has no reach into another module’s tables or internals', () => {
    const found = checkTree(root).map((v) => `${v.file}:${v.line} ${v.message}`);
    expect(found).toEqual([]);
  });

  it('gives every table the migrations create an owner', () => {
    const created = readdirSync(path.join(root, 'migrations'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [
        ...readFileSync(path.join(root, 'migrations', f), 'utf8').matchAll(
          /create table (?:if not exists )?"?(\w+)"?|createTable\(\s*'(\w+)'/gi,
        ),
      ])
      .map((m) => (m[1] ?? m[2] ?? '').toLowerCase());
    expect(created.length).toBeGreaterThan(20);
    expect(created.filter((t) => !Object.hasOwn(TABLE_OWNERSHIP, t))).toEqual([]);
  });
});

describe('the unit tests beside the sources', () => {
  /**
   * .ci/run's PostgreSQL pass runs test/ only: the tests under src/ and migrations/ must not
   * open a database (they would then be tested on PGlite alone). One that needs a database
   * belongs in test/.
   */
  it('open no database (the PostgreSQL pass runs test/ only)', () => {
    const opening =
      /test\/support\.js|test\/factories\.js|db\/connect\.js|from 'pg'|@electric-sql\/pglite|kysely-pglite/;
    const files = testFiles('src', 'migrations');
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => opening.test(readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
  });
});

/** Every `*.test.ts` file under these folders, relative to the root. */
function testFiles(...dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(path.join(dir, entry.name))
        : entry.name.endsWith('.test.ts')
          ? [path.join(dir, entry.name)]
          : [],
    );
  return dirs.flatMap(walk);
}

describe('the test files sharing a worker’s modules', () => {
  /**
   * vitest.config.ts runs test files one after the other in each worker, in one module graph;
   * a module replaced with vi.mock (or the environment or globals stubbed) would be the one
   * already loaded, or would leak into the next file. Such files are listed in
   * test/isolated-files.ts and get a module graph of their own.
   */
  it('do not mock modules, nor stub the environment or globals, unless listed as isolated', () => {
    const files = testFiles('src', 'migrations', 'test');
    expect(files.length).toBeGreaterThan(100);
    const mocking = files.filter((file) =>
      /\bvi\.(mock|doMock|unmock|stubEnv|stubGlobal|resetModules)\(/.test(
        readFileSync(path.join(root, file), 'utf8'),
      ),
    );
    expect(mocking.filter((file) => !Object.hasOwn(ISOLATED_TEST_FILES, file))).toEqual([]);
    // And the list names test files that exist.
    expect(Object.keys(ISOLATED_TEST_FILES).filter((file) => !files.includes(file))).toEqual([]);
  });
});

/** What the checker says of one synthetic file: `line rule message` strings. */
function check(file: string, text: string) {
  return checkSource(file, text).map((v) => `${v.line} ${v.rule} ${v.message}`);
}

describe('the checker', () => {
  it('refuses a module naming another module’s table through Kysely', () => {
    const found = check(
      'src/modules/registry/leak.ts',
      [
        "const T = 'sessions';",
        "db.selectFrom('registry_alerts as a').innerJoin('certifications as c', 'c.id', 'a.certification_id');",
        "trx.insertInto('users').values({});",
        "db.updateTable('branches').set({});",
        "db.deleteFrom(['registry_fiches', 'role_assignments']);",
        "eb.exists(eb.selectFrom('certification_branches as cb').select('cb.branch_id'));",
        "db.with('x', (q) => q.selectFrom('registry_fiches')).selectFrom('x').leftJoin('habilitations as h', 'h.id', 'x.id');",
        'db.selectFrom(T);',
      ].join('\n'),
    );
    expect(found).toEqual([
      '2 table innerJoin() names table certifications, owned by catalogue: go through catalogue’s service',
      '3 table insertInto() names table users, owned by identity: go through identity’s service',
      '4 table updateTable() names table branches, owned by catalogue: go through catalogue’s service',
      '5 table deleteFrom() names table role_assignments, owned by identity: go through identity’s service',
      '6 table selectFrom() names table certification_branches, owned by catalogue: go through catalogue’s service',
      '7 table leftJoin() names table habilitations, owned by catalogue: go through catalogue’s service',
      '8 table selectFrom() names table sessions, owned by identity: go through identity’s service',
    ]);
  });

  it('refuses raw SQL naming another module’s table after from, join, into or update', () => {
    const found = check(
      'src/modules/eligibility/raw.ts',
      `await sql\`select c.code
  from certifications c, branches b
  left join recognition_periods p on p.certification_id = c.id
  where extract(year from p.valid_from) > \${year}\`.execute(db);
await sql\`insert into audit_events (id) values (\${id})\`.execute(db);
await sql\`update users set display_name = ''\`.execute(db);
await sql.raw('delete from sessions').execute(db);
await sql\`select 1 from \${sql.table('organisations')}\`.execute(db);`,
    );
    expect(found).toEqual([
      '1 table sql`…` names table certifications, owned by catalogue: go through catalogue’s service',
      '1 table sql`…` names table branches, owned by catalogue: go through catalogue’s service',
      '1 table sql`…` names table recognition_periods, owned by catalogue: go through catalogue’s service',
      '5 table sql`…` names table audit_events, owned by platform: go through platform’s service',
      '6 table sql`…` names table users, owned by identity: go through identity’s service',
      '7 table sql.raw names table sessions, owned by identity: go through identity’s service',
      '8 table table() names table organisations, owned by catalogue: go through catalogue’s service',
    ]);
  });

  it('lets the owner name its tables, and platform only its own', () => {
    expect(
      check(
        'src/modules/catalogue/ok.ts',
        "db.selectFrom('certifications as c').innerJoin('certification_branches as cb', 'cb.certification_id', 'c.id');\nawait sql`update catalogue_generation set value = value + 1`.execute(db);",
      ),
    ).toEqual([]);
    expect(check('src/platform/audit/ok.ts', "db.selectFrom('audit_events').selectAll();")).toEqual([]);
    expect(check('src/platform/http/leak.ts', "db.selectFrom('sessions').selectAll();")).toEqual([
      '1 table selectFrom() names table sessions, owned by identity: go through identity’s service',
    ]);
  });

  it('refuses imports of another module’s internals, allows its services, domain and schemas', () => {
    const found = check(
      'src/modules/registry/imports.ts',
      [
        "import type { CertificationsService } from '../catalogue/certifications.service.js';",
        "import { recognitionOn } from '../catalogue/domain/recognition.js';",
        "import { recognitionSchema } from '../catalogue/schemas.js';",
        "import { findCertification } from '../catalogue/certifications.repo.js';",
        "import { registerCertificationRoutes } from '../catalogue/certifications.routes.js';",
        "import { referenceLists } from '../catalogue/reference.js';",
        "export { grantsOf } from '../identity/users.repo.js';",
        "type Row = import('../catalogue/search.repo.js').SearchFilters;",
        "const m = await import('../identity/passwords.js');",
        "import { x } from '../catalogue/domain/recognition.test.js';",
        "import { findFiche } from './registry.repo.js';",
        "import { problems } from '../../platform/problem.js';",
      ].join('\n'),
    );
    expect(found).toEqual([
      '4 import reaches into module catalogue: only its *.service.ts, domain/ and schemas.ts may be imported (src/modules/catalogue/certifications.repo.ts)',
      '5 import reaches into module catalogue: only its *.service.ts, domain/ and schemas.ts may be imported (src/modules/catalogue/certifications.routes.ts)',
      '6 import reaches into module catalogue: only its *.service.ts, domain/ and schemas.ts may be imported (src/modules/catalogue/reference.ts)',
      '7 import reaches into module identity: only its *.service.ts, domain/ and schemas.ts may be imported (src/modules/identity/users.repo.ts)',
      '8 import reaches into module catalogue: only its *.service.ts, domain/ and schemas.ts may be imported (src/modules/catalogue/search.repo.ts)',
      '9 import reaches into module identity: only its *.service.ts, domain/ and schemas.ts may be imported (src/modules/identity/passwords.ts)',
      '10 import imports a test of module catalogue (src/modules/catalogue/domain/recognition.test.ts)',
    ]);
  });

  it('refuses any import of a module (or of the composition root) from platform', () => {
    const found = check(
      'src/platform/http/access.ts',
      [
        "import { safeEqual } from '../../modules/identity/domain/secrets.js';",
        "import type { UsersService } from '../../modules/identity/users.service.js';",
        "import type { Config } from '../../app/config.js';",
        "import { problems } from '../problem.js';",
      ].join('\n'),
    );
    expect(found).toEqual([
      '1 import shared code imports no module (src/modules/identity/domain/secrets.ts)',
      '2 import shared code imports no module (src/modules/identity/users.service.ts)',
      '3 import shared code does not import the composition root (src/app/config.ts)',
    ]);
  });

  it('exempts the composition root and tests', () => {
    const leak =
      "import { grantsOf } from '../modules/identity/users.repo.js';\ndb.selectFrom('users').innerJoin('branches as b', 'b.id', 'x');";
    expect(check('src/app/demo.ts', leak)).toEqual([]);
    expect(check('src/modules/registry/registry.service.test.ts', leak)).toEqual([]);
  });

  it('reads table lists in raw SQL, not words that merely follow from', () => {
    expect(
      tablesInSql(
        'select count(*) from registry_staging s left join registry_fiches f on f.numero = s.numero',
      ),
    ).toEqual(['registry_staging', 'registry_fiches']);
    expect(
      tablesInSql(
        'select extract(year from valid_from), trim(both from title) from public."users" u, sessions',
      ),
    ).toEqual(['valid_from', 'title', 'users', 'sessions']);
  });
});
