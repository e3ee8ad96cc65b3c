import { usesApi } from '@/lib/domain/permissions'
import { formatDateTime } from '@/lib/domain/time'
import { describeUserAgent } from '@/lib/domain/user-agent'
import { listOwnApiTokens } from '@/lib/server/api-tokens'
import { listOwnSessions } from '@/lib/server/accounts'
import { currentSessionId, requireActor } from '@/lib/server/current-actor'
import { rolesHeld } from '@/app/(lib)/roles-held'
import { settings } from '@/lib/settings'
import { secondFactorState } from '@/lib/server/second-factor'
import Link from 'next/link'
import { ChangePasswordForm, CreateTokenForm, RevokeButton } from './AccountForms'

export const metadata = { title: 'Your account' }

export default async function AccountPage() {
  const actor = await requireActor()
  const [sessions, tokens, thisSession, secondFactor] = await Promise.all([
    listOwnSessions(actor),
    listOwnApiTokens(actor),
    currentSessionId(),
    secondFactorState(actor),
  ])
  return (
    <>
      <h1>Your account</h1>
      <dl className="summary">
        <div>
          <dt>Name</dt>
          <dd>{actor.name}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{actor.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{rolesHeld(actor).join(', ') || 'None'}</dd>
        </div>
      </dl>
      <h2>Your password</h2>
      <p className="muted">
        Changing it signs you out everywhere else and ends your API tokens; you are told by e-mail.
      </p>
      <ChangePasswordForm />
      <h2>Second factor</h2>
      <p>
        {secondFactor.enrolled
          ? `An authenticator app: you have ${secondFactor.codesLeft} unused recovery code${secondFactor.codesLeft === 1 ? '' : 's'}.`
          : 'None: you sign in with your password only.'}{' '}
        <Link href="/account/second-factor">
          {secondFactor.enrolled ? 'Recovery codes' : 'Set up an authenticator app'}
        </Link>
      </p>
      <h2>Where you are signed in</h2>
      <p className="muted">
        You are signed out after {settings.auth.sessionIdleMinutes} minutes without activity, and after{' '}
        {settings.auth.sessionMaxHours} hours in any case.
      </p>
      {sessions.length > 1 && (
        <p>
          <RevokeButton kind="otherSessions" id="" label="Sign out of all other sessions" />
        </p>
      )}
      <ul className="cards" aria-label="Your sessions">
        {sessions.map((s) => (
          <li key={s.id}>
            <div>
              <strong>{describeUserAgent(s.userAgent)}</strong>
              {s.id === thisSession && ' (this browser)'}
            </div>
            <div className="muted">
              Last used {formatDateTime(s.lastSeenAt)} · signed in {formatDateTime(s.createdAt)}
              {s.ip && ` · from the internet address ${s.ip}`}
            </div>
            {s.id !== thisSession && <RevokeButton kind="session" id={s.id} label="Sign this session out" />}
          </li>
        ))}
      </ul>
      {/* the token list stays for someone who made tokens before their roles changed, so they can revoke them */}
      {(usesApi(actor) || tokens.length > 0) && (
        <>
          <h2>API tokens</h2>
          <p>
            For systems that read Haven through its API (see <a href="/api/v1/openapi.json">the API description</a>). A
            token acts as you and sees exactly what you see.
          </p>
          {tokens.length === 0 ? (
            <p className="empty">You have no API tokens.</p>
          ) : (
            <ul className="cards">
              {tokens.map((t) => (
                <li key={t.id}>
                  <div className="title">{t.name}</div>
                  <div className="muted">
                    Created {formatDateTime(t.createdAt)} · expires {formatDateTime(t.expiresAt)} ·{' '}
                    {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : 'never used'}
                  </div>
                  <RevokeButton kind="token" id={t.id} label={`Revoke ${t.name}`} />
                </li>
              ))}
            </ul>
          )}
          <h3>Create a token</h3>
          <CreateTokenForm />
        </>
      )}
    </>
  )
}
