// AUTH_SECRET: signs session cookies, device cookies and password links, and is the key (through HKDF) that secrets
// stored in the database are encrypted with (authenticator secrets). From the environment, or one generated for
// this installation and kept beside the embedded database.
import fs from 'node:fs'
import path from 'node:path'
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { variable } from '@/lib/environment'
import { embeddedDataDir } from './database'

let cached: string | undefined

export function authSecret() {
  const configured = variable('AUTH_SECRET')
  if (configured) return configured
  if (cached) return cached
  // several servers on one PostgreSQL must share a secret, or sessions fail when a request reaches another server
  if (variable('DATABASE_URL'))
    throw new Error('Set AUTH_SECRET when running on PostgreSQL (DATABASE_URL): every Haven server must share it.')
  const file = path.join(embeddedDataDir(), 'auth-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e // another process wrote it first
    }
  }
  return (cached = fs.readFileSync(file, 'utf8').trim())
}

/** An HMAC-SHA256 of a purpose and a value, base64url. */
export const sign = (purpose: string, value: string) =>
  createHmac('sha256', authSecret()).update(`${purpose}\n${value}`).digest('base64url')

export function signatureMatches(purpose: string, value: string, signature: string) {
  const expected = Buffer.from(sign(purpose, value))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const encryptionKey = (purpose: string) => Buffer.from(hkdfSync('sha256', authSecret(), '', `haven:${purpose}`, 32))

/** AES-256-GCM with a key for the purpose derived from AUTH_SECRET: "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function encryptSecret(purpose: string, plain: string) {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(purpose), iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

/** The plain value; throws if AUTH_SECRET has changed since it was encrypted, or the value was altered. */
export function decryptSecret(purpose: string, sealed: string) {
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1') throw new Error('Unknown encrypted value format')
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(purpose), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}
