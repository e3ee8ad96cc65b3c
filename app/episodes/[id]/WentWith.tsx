'use client'
// "Went with" on the episode page: the children linked, each with an undo, and one choice of the home's other
// children (link their episode after confirming, or report them missing too). One component, so its message
// survives the page's refresh.
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import type { ActionResult } from '@/lib/server/action'
import { describedBy, Field, SavedMessage } from '@/components/form-kit'
import { linkEpisodeAction, undoWentWithAction } from '../actions'

type Linked = { episodeId: string | null; name: string }
type Choice = { childId: string; name: string; episodeId: string | null }

export function WentWith(props: {
  episodeId: string
  firstName: string
  homeName: string
  linked: Linked[]
  choices: Choice[]
  mayUndo: boolean
}) {
  const router = useRouter()
  const [chosen, setChosen] = useState('')
  const [confirming, setConfirming] = useState<Choice | null>(null)
  const [saved, setSaved] = useState<{ text: string; count: number } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const saves = useRef(0)
  const confirmRef = useRef<HTMLDivElement>(null)
  useEffect(() => confirmRef.current?.focus(), [confirming])

  async function run(action: () => Promise<ActionResult<unknown>>, done: string) {
    setBusy(true)
    setProblem(null)
    setSaved(null)
    const result = await action().catch(() => null)
    setBusy(false)
    if (!result) return setProblem('Haven could not be reached, and nothing was saved. Check your connection.')
    if (!result.ok) return setProblem(Object.values(result.fieldErrors)[0] ?? result.message)
    setConfirming(null)
    setChosen('')
    setSaved({ text: done, count: ++saves.current })
    router.refresh()
  }

  function choose(event: React.FormEvent) {
    event.preventDefault()
    setSaved(null)
    const choice = props.choices.find((c) => c.childId === chosen)
    if (!choice) return setProblem('Select the child who went with them')
    setProblem(null)
    if (choice.episodeId) setConfirming(choice)
    else router.push(`/children/${choice.childId}/missing/new?with=${props.episodeId}`)
  }

  return (
    <>
      {saved && <SavedMessage key={saved.count}>{saved.text}</SavedMessage>}
      {props.linked.length === 0 && <p className="empty">No other child is linked to this episode.</p>}
      {props.linked.length > 0 && (
        <ul className="cards" aria-label="Went with">
          {props.linked.map((w, i) => (
            <li key={w.episodeId ?? i}>
              {w.episodeId ? <Link href={`/episodes/${w.episodeId}`}>{w.name}</Link> : w.name}{' '}
              {props.mayUndo && w.episodeId && (
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() =>
                    run(
                      () => undoWentWithAction(props.episodeId, { otherEpisodeId: w.episodeId }),
                      `Undone: ${w.name} is no longer linked to this episode. The timeline keeps the link and its undoing.`,
                    )
                  }
                >
                  Undo: {w.name} did not go with them
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {props.choices.length > 0 && !confirming && (
        <form className="stack" onSubmit={choose} noValidate aria-label="Did another child go too?">
          <Field
            name="wentWith"
            label={`Did another child from ${props.homeName} go too?`}
            hint="Each child has their own episode; linking them shows they went together"
          >
            <select
              {...describedBy('wentWith', { hint: true })}
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
            >
              <option value="">Select a child</option>
              {props.choices.map((c) => (
                <option key={c.childId} value={c.childId}>
                  {c.name}: {c.episodeId ? 'missing at the same time' : 'not reported missing: report them too'}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button secondary" disabled={busy}>
            Continue
          </button>
        </form>
      )}
      {confirming && (
        <div className="notice" role="group" aria-labelledby="went-with-confirm" tabIndex={-1} ref={confirmRef}>
          <p id="went-with-confirm">
            <strong>
              Did {confirming.name} go with {props.firstName}?
            </strong>{' '}
            Their episodes will be linked; you can undo it if it turns out to be wrong.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                run(
                  () => linkEpisodeAction(props.episodeId, { otherEpisodeId: confirming.episodeId }),
                  `Recorded: ${confirming.name} went with ${props.firstName}. If that is wrong, undo it here.`,
                )
              }
            >
              Yes, {confirming.name} went with them
            </button>{' '}
            <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </>
  )
}
