// The start-up check of Haven's configuration: every variable in one schema, a bad value named with its problem
// (never its value: it may be a password), blank meaning "not set", and the README listing every variable.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { environmentProblems, environmentSchema, variable } from '@/lib/environment'
import { NUMBER_VARIABLES, settings } from '@/lib/settings'

describe('the configuration check', () => {
  it('accepts an empty environment: every variable has a default or is optional', () => {
    expect(environmentProblems({})).toEqual([])
  })

  it('accepts good values, and blank as not set', () => {
    expect(
      environmentProblems({
        DATABASE_URL: 'postgresql://haven:pw@db.example.org:5432/haven',
        HAVEN_SMTP_URL: 'smtps://user:pass@smtp.example.org:465',
        HAVEN_MAIL_FROM: 'Haven <haven@example.org>',
        HAVEN_BASE_URL: 'https://haven.example.org/',
        HAVEN_DISPATCHER: 'off',
        HAVEN_REPEAT_MISSING_COUNT: '4',
        HAVEN_ESCALATION_DURATION_FACTOR: ' 1.25 ',
        HAVEN_TRUSTED_PROXY_HOPS: '',
      }),
    ).toEqual([])
  })

  it('reads the roles that must have a second factor: a list of role codes, or none; anything else stops it', () => {
    expect(environmentProblems({ HAVEN_MFA_REQUIRED_ROLES: 'IRO, SYSTEM_ADMIN' })).toEqual([])
    expect(environmentProblems({ HAVEN_MFA_REQUIRED_ROLES: 'none' })).toEqual([])
    expect(environmentProblems({ HAVEN_MFA_REQUIRED_ROLES: 'IRO,MANAGER' })).toEqual([
      expect.stringMatching(/^HAVEN_MFA_REQUIRED_ROLES must be "none" or role codes separated by commas/),
    ])
  })

  it('names each bad variable and its problem, all at once', () => {
    expect(
      environmentProblems({
        HAVEN_SMTP_URL: 'smtp//relay.example.org',
        HAVEN_REPEAT_MISSING_COUNT: 'three',
        HAVEN_SESSION_IDLE_MINUTES: '-5',
        HAVEN_DISPATCHER: 'of',
        HAVEN_BASE_URL: 'haven.example.org',
        HAVEN_MAIL_FROM: 'Haven',
      }).sort(),
    ).toEqual([
      'HAVEN_BASE_URL must be a URL starting http:// or https://, like https://haven.example.org',
      'HAVEN_DISPATCHER must be on or off',
      'HAVEN_MAIL_FROM must be an e-mail address, like Haven <haven@example.org>',
      'HAVEN_REPEAT_MISSING_COUNT must be a number',
      'HAVEN_SESSION_IDLE_MINUTES must be zero or more',
      'HAVEN_SMTP_URL must be a URL starting smtp:// or smtps://, like smtps://user:password@smtp.example.org:465',
    ])
  })

  it('wants a pool of one connection or more, whole; any wait for one, 0 meaning without limit', () => {
    expect(environmentProblems({ HAVEN_DATABASE_POOL_SIZE: '4', HAVEN_DATABASE_ACQUIRE_TIMEOUT_MS: '0' })).toEqual([])
    for (const size of ['0', '2.5', '-1'])
      expect(environmentProblems({ HAVEN_DATABASE_POOL_SIZE: size })).toContain(
        'HAVEN_DATABASE_POOL_SIZE must be a whole number, 1 or more',
      )
    expect(settings.database).toMatchObject({ poolSize: 10, acquireTimeoutMs: 2000 })
  })

  it('never repeats the value, which may hold a password', () => {
    const problems = environmentProblems({ DATABASE_URL: 'mysql://haven:hunter2@db.example.org/haven' })
    expect(problems).toEqual([
      'DATABASE_URL must be a URL starting postgresql:// or postgres://, like postgresql://haven@db.example.org/haven',
    ])
    expect(problems.join()).not.toContain('hunter2')
  })

  it('holds every number setting, with the default the settings use', () => {
    expect(NUMBER_VARIABLES).toMatchObject({
      HAVEN_REPEAT_MISSING_COUNT: 3,
      HAVEN_TRUSTED_PROXY_HOPS: 0,
      HAVEN_DISPATCH_LEASE_SECONDS: 120,
      HAVEN_READY_MAX_DISPATCH_LAG_SECONDS: 900,
    })
    for (const name of Object.keys(NUMBER_VARIABLES)) expect(Object.keys(environmentSchema.shape)).toContain(name)
    expect(settings.patterns.repeatCount).toBe(3)
  })

  it('gives the documented defaults to the other variables', () => {
    const saved = { ...process.env }
    try {
      for (const name of ['HAVEN_BASE_URL', 'HAVEN_MAIL_FROM', 'HAVEN_DISPATCHER', 'HAVEN_DATA_DIR', 'HAVEN_SMTP_URL'])
        delete process.env[name]
      expect([
        variable('HAVEN_BASE_URL'),
        variable('HAVEN_MAIL_FROM'),
        variable('HAVEN_DISPATCHER'),
        variable('HAVEN_DATA_DIR'),
        variable('HAVEN_SMTP_URL'),
      ]).toEqual(['http://localhost:3000', 'Haven <haven@localhost>', 'on', 'data', undefined])
      process.env.HAVEN_DISPATCHER = ''
      expect(variable('HAVEN_DISPATCHER')).toBe('on')
    } finally {
      process.env = saved
    }
  })

  it('is listed in full in the README', () => {
    const readme = fs.readFileSync('README.md', 'utf8')
    const missing = Object.keys(environmentSchema.shape).filter((name) => !readme.includes(`| \`${name}\``))
    expect(missing).toEqual([])
  })
})
