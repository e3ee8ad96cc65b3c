// Every environment variable Haven reads, in one zod schema, checked when the server, the dispatcher and the
// `npm run db` commands start: a bad value stops them with its name and the problem (it used to be ignored).
// Number settings come from lib/settings.ts (each fromEnv call); the others are here. Listed in the README.
import { z } from 'zod'
import { ROLES, type Role } from './domain/roles'
import { NUMBER_MINIMUMS, NUMBER_VARIABLES, numberVariable, wholeNumberVariable } from './settings'

const blank = (value: unknown) => value === '' || value === undefined
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (blank(value) ? undefined : value), schema.optional())
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((value) => (blank(value) ? fallback : value), schema)

const urlWithProtocol = (protocols: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol)
      } catch {
        return false
      }
    },
    `must be a URL starting ${protocols.map((p) => `${p}//`).join(' or ')}, like ${example}`,
  )

/** Roles that must use a second factor: role codes separated by commas, or "none". */
const roleList = z
  .string()
  .transform((value) => (value.trim() === 'none' ? [] : value.split(',').map((r) => r.trim())))
  .refine((roles) => roles.every((r) => (ROLES as readonly string[]).includes(r)), {
    message: `must be "none" or role codes separated by commas, from ${ROLES.join(', ')}`,
  })
  .transform((roles) => roles as Role[])

const OTHER_VARIABLES = {
  DATABASE_URL: optional(urlWithProtocol(['postgresql:', 'postgres:'], 'postgresql://haven@db.example.org/haven')),
  AUTH_SECRET: optional(z.string()),
  HAVEN_DATA_DIR: withDefault(z.string(), 'data'),
  HAVEN_PRISMA_DIR: withDefault(z.string(), 'prisma'),
  HAVEN_SMTP_URL: optional(urlWithProtocol(['smtp:', 'smtps:'], 'smtps://user:password@smtp.example.org:465')),
  HAVEN_MAIL_FROM: withDefault(
    z
      .string()
      .regex(
        /^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/,
        'must be an e-mail address, like Haven <haven@example.org>',
      ),
    'Haven <haven@localhost>',
  ),
  HAVEN_BASE_URL: withDefault(
    urlWithProtocol(['http:', 'https:'], 'https://haven.example.org'),
    'http://localhost:3000',
  ),
  HAVEN_DISPATCHER: withDefault(z.enum(['on', 'off'], 'must be on or off'), 'on'),
  HAVEN_ADMIN_PASSWORD: optional(z.string()),
  // the roles that can see most or set who sees what (issue 21); the demo and the browser tests set "none"
  HAVEN_MFA_REQUIRED_ROLES: withDefault(
    roleList,
    'SYSTEM_ADMIN,RESPONSIBLE_INDIVIDUAL,REGISTERED_MANAGER,IRO,LA_MISSING_LEAD',
  ),
  SE_DEBUG: optional(z.string()),
}

export const environmentSchema = z.object({
  ...OTHER_VARIABLES,
  ...(Object.fromEntries(
    Object.keys(NUMBER_VARIABLES).map((name) => [
      name,
      name in NUMBER_MINIMUMS ? wholeNumberVariable(NUMBER_MINIMUMS[name]) : numberVariable,
    ]),
  ) as Record<string, z.ZodType>),
})

type OtherVariable = keyof typeof OTHER_VARIABLES

/** One variable's value (its default if not set), for code that reads it when it is used (tests change some). */
export function variable<K extends OtherVariable>(name: K): z.output<(typeof OTHER_VARIABLES)[K]> {
  const parsed = OTHER_VARIABLES[name].safeParse(process.env[name])
  if (!parsed.success) throw new Error(`Haven's configuration: ${name} ${parsed.error.issues[0].message}.`)
  return parsed.data as z.output<(typeof OTHER_VARIABLES)[K]>
}

/** What is wrong with the environment, one line per variable ("HAVEN_SMTP_URL must be ..."); empty when all is well. */
export function environmentProblems(env: Record<string, string | undefined> = process.env) {
  const parsed = environmentSchema.safeParse(env)
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
}

/** At start-up: stop with every problem named, rather than run with a value that was silently replaced. */
export function checkEnvironmentOrExit() {
  const problems = environmentProblems()
  if (!problems.length) return
  console.error(
    `Haven cannot start: its configuration has ${problems.length === 1 ? 'a problem' : 'problems'}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
  )
  process.exit(1)
}
