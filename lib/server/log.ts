// Haven's one logger (pino): one JSON line per entry on standard output, with the time as `at` and the level as a
// word. Anything that could say something about a child (a name, a date of birth, an address, free text, search words)
// is replaced by "[redacted]" wherever a key of that name appears, up to four levels deep, in case it is logged by
// mistake. Errors go under `err`, with their stack (pino's serializer); a response never carries them.
import pino from 'pino'

/** Keys never written to the log as they are. */
export const REDACTED_KEYS = [
  'firstName',
  'lastName',
  'name',
  'preferredName',
  'fullName',
  'knownAs',
  'initials',
  'dateOfBirth',
  'dob',
  'email',
  'phone',
  'address',
  'postcode',
  'note',
  'notes',
  'summary',
  'body',
  'text',
  'description',
  'details',
  'comment',
  'comments',
  'query',
  'search',
  'q',
  'password',
  'token',
  'authorization',
  'cookie',
]

const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`])

/** Where the lines go: standard output, or what a test swaps in (`vi.spyOn(logOutput, 'write')`). */
export const logOutput = {
  write(line: string) {
    process.stdout.write(line)
  },
}

/** pino's error serializer (type, message, stack, cause, own properties) without `name`: an error's class is its
 * `type`, and a `name` key would only be redacted (a child's name shares the key). */
function errWithoutName(e: Error) {
  const serialized = pino.stdSerializers.err(e) as unknown as { name?: unknown }
  delete serialized.name
  return serialized
}

export const log = pino(
  {
    base: undefined, // no pid or hostname: systemd's journal has them
    timestamp: () => `,"at":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths, censor: '[redacted]' },
    serializers: { err: errWithoutName },
  },
  { write: (line: string) => logOutput.write(line) },
)
