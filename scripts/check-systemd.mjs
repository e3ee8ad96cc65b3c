// The systemd units in deploy/systemd, checked as far as a machine that does not run systemd allows:
// 1. `systemd-analyze verify`: every key known, every value parsed, the ExecStart binary present;
// 2. each unit's ExecStart line run the way systemd would run it: in its WorkingDirectory (this checkout instead of
//    /opt/haven), with only its Environment= lines and its EnvironmentFile= (haven.env.example with this machine's
//    database, a secret and a base URL put in), %i the port; the dispatcher and two web servers on PostgreSQL until
//    /api/ready says ready; then SIGTERM, and each must exit with a status the unit counts as success, within its
//    TimeoutStopSec.
// Uses DATABASE_URL's server (default 127.0.0.1:5432, database test) for a database of its own; needs a build.
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

const ROOT = path.resolve(import.meta.dirname, '..')
const UNITS = path.join(ROOT, 'deploy/systemd')
const ADMIN_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
const PORTS = [3301, 3302]
const log = (...args) => console.log('systemd units:', ...args)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const gone = (unit) => unit.exitCode !== null || unit.signalCode !== null

/** A unit file's [Service] settings: each key with every value it was given, in order. */
function serviceSettings(file) {
  const settings = {}
  let section = ''
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    if (line.startsWith('[')) section = line
    else if (section === '[Service]') {
      const at = line.indexOf('=')
      ;(settings[line.slice(0, at)] ??= []).push(line.slice(at + 1))
    }
  }
  return settings
}

/** VARIABLE=value lines as systemd (and sh) read them: comments skipped, one pair of double quotes taken off. */
function environmentFile(text) {
  const env = {}
  for (const line of text.split('\n')) {
    const m = line.match(/^([A-Z_][A-Z0-9_]*)=(.*)$/)
    if (m) env[m[1]] = m[2].replace(/^"(.*)"$/, '$1')
  }
  return env
}

// 1. systemd-analyze verify, on copies named as they run (the template as instance 3001)
const verifyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-units-'))
fs.copyFileSync(path.join(UNITS, 'haven-web@.service'), path.join(verifyDir, 'haven-web@3001.service'))
fs.copyFileSync(path.join(UNITS, 'haven-dispatcher.service'), path.join(verifyDir, 'haven-dispatcher.service'))
try {
  // it exits 0 after warnings such as an unknown key ("ignoring"): any output is a failure
  const said = execFileSync(
    'systemd-analyze',
    ['verify', path.join(verifyDir, 'haven-web@3001.service'), path.join(verifyDir, 'haven-dispatcher.service')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )
  if (said.trim()) throw new Error(said)
} catch (e) {
  console.error('systemd units: FAILED: systemd-analyze verify:', e.stderr || e.message)
  process.exit(1)
} finally {
  fs.rmSync(verifyDir, { recursive: true, force: true })
}
log('systemd-analyze verify: no complaints')

// 2. the ExecStart lines
if (!fs.existsSync(path.join(ROOT, '.next/BUILD_ID')))
  execFileSync('npx', ['next', 'build'], { stdio: 'inherit', cwd: ROOT })
const name = `haven_units_${process.pid}`
const admin = new pg.Client({ connectionString: ADMIN_URL })
await admin.connect()
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(ADMIN_URL)
url.pathname = '/' + name
// the example environment file with what this machine needs put in; every other value stays as shipped
const example = environmentFile(fs.readFileSync(path.join(UNITS, 'haven.env.example'), 'utf8'))
const fileEnv = {
  ...example,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
  HAVEN_SMTP_URL: 'smtp://127.0.0.1:2525', // nothing is e-mailed: the database is empty
}

/** Runs a unit's ExecStart as systemd would: its own environment only, in the checkout, %i the instance. */
function startUnit(file, instance) {
  const s = serviceSettings(path.join(UNITS, file))
  const problems = []
  if (s.WorkingDirectory?.[0] !== '/opt/haven') problems.push(`WorkingDirectory is ${s.WorkingDirectory}`)
  if (s.EnvironmentFile?.[0] !== '/etc/haven/haven.env') problems.push(`EnvironmentFile is ${s.EnvironmentFile}`)
  if (s.ExecStart?.length !== 1) problems.push('not one ExecStart line')
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`)
  const unitEnv = Object.fromEntries(
    (s.Environment ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
  )
  // systemd's own: PATH and, with User=, HOME; EnvironmentFile= overrides Environment=
  const env = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: os.tmpdir(),
    ...unitEnv,
    ...fileEnv,
    HAVEN_BASE_URL: instance ? `http://127.0.0.1:${instance}` : fileEnv.HAVEN_BASE_URL,
  }
  const [binary, ...args] = s.ExecStart[0].replaceAll('%i', String(instance ?? '')).split(/\s+/)
  if (binary !== '/usr/bin/node') throw new Error(`${file}: ExecStart runs ${binary}, not /usr/bin/node`)
  // this machine's Node.js (24 or 26) stands in for /usr/bin/node
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] })
  child.output = ''
  child.stdout.on('data', (c) => {
    child.output += c
    process.stdout.write(c)
  })
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)))
  child.settings = s
  child.unit = instance ? file.replace('@.', `@${instance}.`) : file
  return child
}

const units = []
let failed = false
try {
  const dispatcher = startUnit('haven-dispatcher.service')
  units.push(dispatcher)
  for (let i = 0; i < 240 && !dispatcher.output.includes('Haven dispatcher running') && !gone(dispatcher); i++)
    await sleep(250)
  if (!dispatcher.output.includes('Haven dispatcher running')) throw new Error('the dispatcher did not start')
  log('haven-dispatcher.service: running')
  for (const port of PORTS) units.push(startUnit('haven-web@.service', port))
  for (const port of PORTS) {
    let answer = null
    const web = units[1 + PORTS.indexOf(port)]
    for (let i = 0; i < 240 && answer?.status !== 'ready' && !gone(web); i++) {
      await sleep(250)
      answer = await fetch(`http://127.0.0.1:${port}/api/ready`).then(
        (r) => r.json(),
        () => null,
      )
    }
    if (answer?.status !== 'ready') throw new Error(`haven-web@${port}: /api/ready said ${JSON.stringify(answer)}`)
    log(`haven-web@${port}.service: ready`)
  }
  // stopped as systemd stops them: SIGTERM, then wait up to TimeoutStopSec for a successful exit status
  for (const unit of units) {
    const limit = Number(unit.settings.TimeoutStopSec?.[0] ?? 90) * 1000
    const success = ['0', ...(unit.settings.SuccessExitStatus?.[0] ?? '').split(/\s+/)].filter(Boolean)
    unit.kill('SIGTERM')
    const status = await Promise.race([unit.exited, sleep(limit).then(() => 'still running')])
    if (!success.includes(String(status))) {
      console.error(`systemd units: FAILED: ${unit.unit} stopped with ${status}, not ${success.join(' or ')}`)
      failed = true
    } else log(`${unit.unit}: stopped on SIGTERM with ${status}`)
  }
} catch (e) {
  console.error('systemd units: FAILED:', e.message)
  failed = true
} finally {
  for (const unit of units) if (!gone(unit)) unit.kill('SIGKILL')
  await sleep(500)
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
if (failed) process.exit(1)
log('passed')
