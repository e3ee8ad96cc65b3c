// Prisma CLI configuration. Only `prisma generate` is used: migrations run through lib/server/migrations.ts
// (the native schema engine cannot be downloaded here; see lib/server/migrations.ts).
import { defineConfig } from 'prisma/config'

export default defineConfig({ schema: 'prisma/schema.prisma' })
