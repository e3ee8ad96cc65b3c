// Prisma migrations without the native schema-engine binary (it cannot be downloaded here): @prisma/schema-engine-wasm
// driven through a driver adapter. Same folder layout and _prisma_migrations table as the Prisma CLI.
// A small runner over the schema engine in WebAssembly. @prisma/schema-engine-wasm is an internal package published
// for each engines build, with no compatibility promise between builds: it is pinned to one exact build, and changed
// only with tests/integration/migrations.test.ts passing on both databases.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaPg } from '@prisma/adapter-pg'
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils'
import { variable } from '@/lib/environment'
import type { Database } from './database'
import {
  awaitPgliteScripts,
  pgShadowDatabase,
  readInternalCharAsText,
  runScriptsWhole,
  type PatchableAdapter,
} from './migration-patches'

const prismaDir = () => path.resolve(/* turbopackIgnore: true */ variable('HAVEN_PRISMA_DIR'))
const schemaPath = () => path.join(prismaDir(), 'schema.prisma')
const migrationsDir = () => path.join(prismaDir(), 'migrations')

type SchemaEngineClass = typeof import('@prisma/schema-engine-wasm').SchemaEngine
let engineClass: Promise<SchemaEngineClass> | undefined

// Node 20 cannot `import './x.wasm'`: instantiate the wasm by hand with the wasm-bindgen glue as its import object.
function loadSchemaEngine(): Promise<SchemaEngineClass> {
  engineClass ??= (async () => {
    const bgPath = createRequire(path.join(process.cwd(), 'package.json')).resolve(
      '@prisma/schema-engine-wasm/schema_engine_bg',
    )
    const bg = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ bgPath)
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(bgPath.replace(/\.js$/, '.wasm')), {
      './schema_engine_bg.js': bg,
    })
    bg.__wbg_set_wasm(instance.exports)
    ;(instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start()
    return bg.SchemaEngine as SchemaEngineClass
  })()
  return engineClass
}

// The adapters as the schema engine gets them, with the faults that stop them migrating safely worked around
// (migration-patches.ts says which, and why).
const patched = (adapter: unknown) => adapter as PatchableAdapter

function pgliteFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite)
  return {
    provider: 'postgres',
    adapterName: factory.adapterName,
    connect: async () => awaitPgliteScripts(patched(await factory.connect())) as never,
    connectToShadowDb: async () => {
      const shadow = new PGlite() // in memory
      const adapter = awaitPgliteScripts(patched(await new PrismaPGlite(shadow).connect()))
      adapter.dispose = () => shadow.close()
      return adapter as never
    },
  }
}

function pgFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // one session: the engine uses advisory locks
  const connect = async (connectionString: string) =>
    runScriptsWhole(readInternalCharAsText(patched(await new PrismaPg({ connectionString, max: 1 }).connect())))
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(url) as never,
    connectToShadowDb: () => pgShadowDatabase(url, connect) as never,
  }
}

/** The migrations in the folder, by name, oldest first. */
export function migrationNames() {
  const dir = migrationsDir()
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : []
}

// The migrations folder as the engine's MigrationList (the shape the Prisma CLI builds).
function listMigrations() {
  const dir = migrationsDir()
  const lock = path.join(dir, 'migration_lock.toml')
  const names = migrationNames()
  return {
    baseDir: dir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, 'migration.sql')
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: 'missing migration.sql' },
        },
      }
    }),
  }
}

const filters = { externalTables: [], externalEnums: [] }

async function withEngine<T>(
  database: Database,
  use: (engine: import('@prisma/schema-engine-wasm').SchemaEngine) => Promise<T>,
) {
  const SchemaEngine = await loadSchemaEngine()
  const content = fs.readFileSync(schemaPath(), 'utf8')
  const base = database.pglite ? pgliteFactory(database.pglite) : pgFactory(database.url!)
  // the engine does not close the connections it opens: keep them, and close them when done
  const connections: { dispose(): Promise<void> }[] = []
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    ...base,
    connect: async () => {
      const adapter = await base.connect()
      if (!database.pglite) connections.push(adapter) // the embedded database stays open for the caller
      return adapter
    },
    connectToShadowDb: () => base.connectToShadowDb(),
  }
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath(), content]] },
    (log: string) => void (variable('SE_DEBUG') && console.error(log)),
    bindMigrationAwareSqlAdapterFactory(factory),
  )
  try {
    return await use(engine)
  } finally {
    engine.free() // note: the wasm engine leaves a 10 s timer behind; short-lived scripts call process.exit()
    for (const connection of connections) await connection.dispose()
  }
}

/** Applies pending migrations; returns the names applied. */
export function applyMigrations(database: Database): Promise<string[]> {
  return withEngine(
    database,
    async (engine) =>
      (await engine.applyMigrations({ migrationsList: listMigrations(), filters })).appliedMigrationNames,
  )
}

/** Applies pending migrations, then writes a new one from schema.prisma (if it changed) and applies it. */
export function createMigration(database: Database, name: string): Promise<string | null> {
  return withEngine(database, async (engine) => {
    await engine.applyMigrations({ migrationsList: listMigrations(), filters })
    // devDiagnostic replays the migrations on the shadow database and caches it: the wasm createMigration has no
    // shadow-database factory of its own.
    const { action } = await engine.devDiagnostic({ migrationsList: listMigrations(), filters })
    if (action.tag === 'reset') throw new Error(`The database has drifted from the migrations: ${action.reason}`)
    const schema = { files: [{ path: schemaPath(), content: fs.readFileSync(schemaPath(), 'utf8') }] }
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList: listMigrations(),
      schema,
      filters,
    })
    if (!out.migrationScript) return null
    const dir = path.join(migrationsDir(), out.generatedMigrationName)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `migration.${out.extension}`), out.migrationScript)
    fs.writeFileSync(
      path.join(migrationsDir(), 'migration_lock.toml'),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n' +
        `provider = "${out.connectorType}"\n`,
    )
    await engine.applyMigrations({ migrationsList: listMigrations(), filters })
    return out.generatedMigrationName
  })
}

/** Which migrations are applied, pending or failed. */
export function migrationStatus(database: Database) {
  return withEngine(database, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: listMigrations(), optInToShadowDatabase: false, filters }),
  )
}
