'use client'
// The authority's own Header and Episodes CSVs, read in the browser and checked against Haven's children: nothing is
// kept on the server. Proposed matches are confirmed by ticking them and checking again.
import { useState } from 'react'
import type { z } from 'zod'
import { toCsv } from '@/lib/domain/csv'
import { formatDate } from '@/lib/domain/time'
import type { ssda903MatchSchema } from '@/lib/validation/ssda903'
import { matchUploadAction } from './actions'

type Report = z.output<typeof ssda903MatchSchema>
const MISSING_COLUMNS = ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END']

export function UploadCheck({ year, authority }: { year: number; authority: string }) {
  const [files, setFiles] = useState<{ header: string; episodes: string } | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [confirmed, setConfirmed] = useState<{ childId: string; child: string }[]>([])
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function check(form: HTMLFormElement | null, accepted = confirmed) {
    setMessage(null)
    let texts = files
    if (form) {
      const read = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).files?.[0]?.text() ?? ''
      texts = { header: await read('header'), episodes: await read('episodes') }
      setFiles(texts)
    }
    if (!texts) return
    setBusy(true)
    const result = await matchUploadAction({ year, authority, ...texts, confirmed: accepted }).catch(() => null)
    setBusy(false)
    if (!result) return setMessage('Haven could not be reached. Check your connection and try again.')
    if (!result.ok)
      return setMessage(Object.values(result.fieldErrors).join(' ') || result.message || 'The check did not run.')
    setReport(result.data)
  }

  function downloadMissing() {
    if (!report) return
    const csv = toCsv(
      MISSING_COLUMNS,
      report.missing.map((r) => MISSING_COLUMNS.map((c) => r[c] ?? '')),
      { guardFormulas: true },
    )
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }))
    a.download = `ssda903-${report.year}-missing${report.readyToAdd ? '' : '-not-ready'}.csv`
    a.click()
    URL.revokeObjectURL(a.href)
  }

  const who = (c: { name: string; dateOfBirth: string }) => `${c.name}, born ${formatDate(c.dateOfBirth)}`
  return (
    <section aria-labelledby="upload-heading" className="stack">
      <h2 id="upload-heading">Check against your authority&apos;s own return</h2>
      <p>
        Choose the Header and Episodes CSVs your case management system exports for this year (the DfE&apos;s column
        names). Haven matches its children by your reference, proposes matches by date of birth and name for you to
        confirm, lists what differs, and gives its Missing table keyed by your CHILD values. The files are not kept.
      </p>
      <form
        className="panel stack"
        aria-label="Your authority's return"
        onSubmit={(e) => {
          e.preventDefault()
          void check(e.currentTarget)
        }}
      >
        <div className="field">
          <label htmlFor="f-header">Header table (CSV)</label>
          <input id="f-header" name="header" type="file" accept=".csv,text/csv" required />
        </div>
        <div className="field">
          <label htmlFor="f-episodes">Episodes table (CSV)</label>
          <input id="f-episodes" name="episodes" type="file" accept=".csv,text/csv" required />
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Check'}
          </button>
        </div>
      </form>
      {message && (
        <p className="concern concern-warning" role="alert">
          {message}
        </p>
      )}
      {report && (
        <div className="stack" aria-live="polite">
          <p>
            {report.matched.length} of {report.counts.haven} children matched ({report.counts.header} in your Header,{' '}
            {report.counts.episodes} episodes). {report.unmatched.length} not found in your Header.
          </p>
          {report.proposals.length > 0 && (
            <fieldset>
              <legend>Possible matches to confirm</legend>
              {report.proposals.map((p) => {
                const id = `confirm-${p.child.id}-${p.authorityChild}`
                const on = confirmed.some((c) => c.childId === p.child.id && c.child === p.authorityChild)
                return (
                  <div key={id} className="checkbox">
                    <input
                      id={id}
                      type="checkbox"
                      checked={on}
                      onChange={() =>
                        setConfirmed(
                          on
                            ? confirmed.filter((c) => !(c.childId === p.child.id && c.child === p.authorityChild))
                            : [...confirmed, { childId: p.child.id, child: p.authorityChild }],
                        )
                      }
                    />
                    <label htmlFor={id}>
                      {who(p.child)} is your {p.authorityChild} ({p.reason.toLowerCase()})
                    </label>
                  </div>
                )
              })}
              <button type="button" disabled={busy || confirmed.length === 0} onClick={() => void check(null)}>
                Check again with these confirmed
              </button>
            </fieldset>
          )}
          {report.unmatched.length > 0 && (
            <>
              <h3>Not in your Header</h3>
              <ul>
                {report.unmatched.map((c) => (
                  <li key={c.id}>{who(c)}</li>
                ))}
              </ul>
            </>
          )}
          {report.differences.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Differences">
              <table>
                <caption>What differs between Haven and your return</caption>
                <thead>
                  <tr>
                    <th scope="col">Child</th>
                    <th scope="col">Field</th>
                    <th scope="col">Haven</th>
                    <th scope="col">Your return</th>
                  </tr>
                </thead>
                <tbody>
                  {report.differences.map((d, i) => (
                    <tr key={i}>
                      <td>
                        {who(d.child)} ({d.authorityChild})
                      </td>
                      <td>{d.field}</td>
                      <td>{d.haven}</td>
                      <td>{d.authority}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report.failures.length > 0 ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Missing rows failing the join rules">
              <table>
                <caption>Missing table rows failing the DfE&apos;s rules against your episodes</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">CHILD</th>
                    <th scope="col">Rule</th>
                    <th scope="col">Problem</th>
                    <th scope="col">How to fix it</th>
                  </tr>
                </thead>
                <tbody>
                  {report.failures.map((f, i) => (
                    <tr key={i}>
                      <td>{f.row}</td>
                      <td>{f.child}</td>
                      <td>{f.rule}</td>
                      <td>{f.problem}</td>
                      <td>{f.fix}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="concern concern-info">The Missing table passes the DfE&apos;s rules against your episodes.</p>
          )}
          <p>
            <button type="button" onClick={downloadMissing}>
              Download the Missing table keyed by your references (CSV
              {report.readyToAdd ? '' : ', not ready to submit'})
            </button>
          </p>
        </div>
      )}
    </section>
  )
}
