// Haven's thresholds and limits in one place. Local practice, not law, so they are settings (DOMAIN.md).
// Each can be overridden by an environment variable of the name shown.

function fromEnv(name: string, fallback: number) {
  const value = Number(process.env[name])
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback
}

export const settings = {
  returnInterview: {
    /** DfE statutory guidance (2014): offered within 72 hours of the return */
    dueHours: fromEnv('HAVEN_RETURN_INTERVIEW_DUE_HOURS', 72),
    /** shown as "due soon" this long before the deadline */
    dueSoonHours: fromEnv('HAVEN_RETURN_INTERVIEW_DUE_SOON_HOURS', 24),
  },
  grabPack: {
    /** largest photo accepted for a grab pack */
    maxPhotoBytes: fromEnv('HAVEN_MAX_PHOTO_BYTES', 5_000_000),
  },
  auth: {
    /** a browser session ends after this long without activity */
    sessionIdleMinutes: fromEnv('HAVEN_SESSION_IDLE_MINUTES', 30),
    /** and after this long in any case */
    sessionMaxHours: fromEnv('HAVEN_SESSION_MAX_HOURS', 12),
    apiTokenDays: fromEnv('HAVEN_API_TOKEN_DAYS', 30),
    /** failed sign-ins allowed per account, and per address, within the window */
    accountFailureLimit: fromEnv('HAVEN_SIGNIN_ACCOUNT_FAILURES', 5),
    addressFailureLimit: fromEnv('HAVEN_SIGNIN_ADDRESS_FAILURES', 20),
    throttleWindowMinutes: fromEnv('HAVEN_SIGNIN_WINDOW_MINUTES', 15),
    /** reverse proxies in front of Haven that set X-Forwarded-For; 0: none, the address is not known */
    trustedProxyHops: fromEnv('HAVEN_TRUSTED_PROXY_HOPS', 0),
  },
}
