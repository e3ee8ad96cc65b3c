// Creates the first system administrator on a new installation (no demo data):
//   npm run create-admin -- --email you@example.org --name "Your Name"
// The password is asked for (hidden), or read from HAVEN_ADMIN_PASSWORD for automated installs.
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { checkEnvironmentOrExit, variable } from '@/lib/environment'
import { openDatabase, useDatabase } from '@/lib/server/database'
import { describeError } from '@/lib/server/errors'
import { applyMigrations } from '@/lib/server/migrations'
import { createFirstAdministrator } from '@/lib/server/users'

function askHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true })
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream }
  let asked = false
  output._writeToOutput = (s: string) => {
    if (!asked) {
      output.output.write(s)
      asked = true
    }
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    }),
  )
}

checkEnvironmentOrExit()
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
if (!values.email || !values.name) {
  console.error('Usage: npm run create-admin -- --email you@example.org --name "Your Name"')
  process.exit(1)
}
const password = variable('HAVEN_ADMIN_PASSWORD') ?? (await askHidden('Password (at least 12 characters): '))
const database = await openDatabase().catch((e: Error) => {
  console.error(e.message) // e.g. the embedded database is open in the running server
  process.exit(1)
})
useDatabase(database)
try {
  await applyMigrations(database)
  const user = await createFirstAdministrator({ email: values.email, name: values.name, password })
  console.log(
    `Created system administrator ${user.email}. Sign in at your Haven address and add people on the Users page.`,
  )
} catch (e) {
  const { message, fieldErrors } = describeError(e)
  console.error(Object.values(fieldErrors)[0] ?? message)
  process.exitCode = 1
} finally {
  await database.close()
  process.exit()
}
