'use client'
import { useRouter } from 'next/navigation'
import { describedBy, errorAt, Narrative, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import {
  INDICATORS,
  INDICATOR_BY_CODE,
  KIND_LABELS,
  LEVEL_LABELS,
  scoreScreening,
  WHEN_LABELS,
  type ExploitationKind,
  type ScreeningRules,
  type When,
} from '@/lib/domain/cse'
import type { Suggestion } from '@/lib/domain/cse-suggestions'
import { LEVELS, screeningSchema, WHENS } from '@/lib/validation/cse'
import { recordScreeningAction } from '@/app/cse/actions'

const GROUPS = [
  ['vulnerability', 'Vulnerabilities', 'They never raise the level alone'],
  ['concern', 'Warning signs', null],
  ['strong', 'Strong warning signs', null],
  ['harm', 'Harm: exploitation has happened', null],
] as const

export function ScreeningForm({
  childId,
  firstName,
  suggestions,
  rules,
  kinds,
  sourceInterviewId,
}: {
  childId: string
  firstName: string
  suggestions: Suggestion[]
  rules: ScreeningRules
  /** the kinds this child is screened for (radicalisation where their authority asks) */
  kinds: ExploitationKind[]
  sourceInterviewId: string | null
}) {
  const indicators = INDICATORS.filter((i) => i.kinds.some((k) => kinds.includes(k)))
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: screeningSchema,
    defaultValues: {
      indicators: indicators.map((i) => ({ code: i.code, present: false, when: '' as const, note: '' })),
      kinds: kinds.map((kind) => ({ kind, levelReason: '' })),
      summary: '',
      suggestionDecisions: {},
      sourceInterviewId,
    },
    action: (values) => recordScreeningAction(childId, values),
    onSuccess: () => {
      router.push(`/children/${childId}/cse`)
      router.refresh()
    },
  })
  const values = form.watch()
  // what the tool suggests from the answers so far, counting confirmed suggestions as the server will
  const observed = (values.indicators ?? [])
    .filter((i) => i.present && i.when)
    .map((i) => ({ code: i.code, when: i.when as When }))
  for (const s of suggestions)
    if (values.suggestionDecisions?.[s.key] === 'confirm' && !observed.some((o) => o.code === s.code))
      observed.push({ code: s.code, when: s.when })
  const result = scoreScreening(observed, kinds, rules)
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      {suggestions.length > 0 && (
        <fieldset>
          <legend>From Haven&apos;s records</legend>
          <p>Confirm each one that is right (it is added as an indicator), or dismiss it.</p>
          {suggestions.map((s) => (
            <Radios
              key={s.key}
              name={`suggestionDecisions.${s.key}`}
              legend={`${s.reason}: ${INDICATOR_BY_CODE[s.code].label}?`}
              inline
              error={errorAt(errors, `suggestionDecisions.${s.key}`)}
              register={form.register(`suggestionDecisions.${s.key}` as never)}
              options={[
                { value: 'confirm', label: 'Confirm' },
                { value: 'dismiss', label: 'Dismiss' },
              ]}
            />
          ))}
        </fieldset>
      )}
      {GROUPS.map(([group, title, hint]) => (
        <fieldset key={group}>
          <legend>{title}</legend>
          {hint && <p className="muted">{hint}</p>}
          {indicators.map((indicator, n) =>
            indicator.group !== group ? null : (
              <div
                key={indicator.code}
                className={errorAt(errors, `indicators.${n}.when`) ? 'field has-error' : 'field'}
              >
                <div className="checkbox">
                  <input
                    type="checkbox"
                    id={`f-indicators-${n}-present`}
                    {...form.register(`indicators.${n}.present`)}
                  />
                  <label htmlFor={`f-indicators-${n}-present`}>
                    {indicator.label}
                    {indicator.kinds.length < kinds.length && (
                      <span className="muted">
                        {' '}
                        ({indicator.kinds.map((k) => KIND_LABELS[k].split(',')[0].toLowerCase()).join(', ')})
                      </span>
                    )}
                  </label>
                </div>
                {values.indicators?.[n]?.present && (
                  <div className="row" style={{ borderTop: 0, marginLeft: '2.2rem' }}>
                    <div>
                      <label htmlFor={`f-indicators-${n}-when`}>When observed</label>
                      {errorAt(errors, `indicators.${n}.when`) && (
                        <span className="field-error" id={`f-indicators-${n}-when-error`}>
                          {errorAt(errors, `indicators.${n}.when`)}
                        </span>
                      )}
                      <select
                        {...describedBy(`indicators.${n}.when`, { error: errorAt(errors, `indicators.${n}.when`) })}
                        {...form.register(`indicators.${n}.when`)}
                      >
                        <option value="">Select</option>
                        {WHENS.map((w) => (
                          <option key={w} value={w}>
                            {WHEN_LABELS[w]}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div>
                      <label htmlFor={`f-indicators-${n}-note`}>Note (optional)</label>
                      <input type="text" id={`f-indicators-${n}-note`} {...form.register(`indicators.${n}.note`)} />
                    </div>
                  </div>
                )}
              </div>
            ),
          )}
        </fieldset>
      ))}
      <section className="panel" aria-live="polite" aria-labelledby="tool-says">
        <h2 id="tool-says">What the tool suggests</h2>
        <ul>
          {result.kinds.map((k) => (
            <li key={k.kind}>
              {KIND_LABELS[k.kind]}: <strong>{LEVEL_LABELS[k.suggestedLevel]}</strong>
              {k.fullAssessmentPrompted && '. A full assessment is needed (three or more signs, or harm)'}
            </li>
          ))}
        </ul>
        <p className="muted">
          The level is your professional judgement. The counts behind the suggestions are your authority&apos;s local
          practice: {rules.atRiskStrong} strong or {rules.atRiskConcerns} ordinary warning signs now or in the last 6
          months suggest &ldquo;at risk&rdquo;; {rules.significantStrong} strong signs, or harm, suggest
          &ldquo;significant&rdquo;. Vulnerabilities alone never raise it. No screening tool is validated.
        </p>
      </section>
      {result.kinds.map((k, n) => (
        <div key={k.kind} className="stack">
          <Radios
            name={`kinds.${n}.level`}
            legend={`Your judgement: how at risk of ${KIND_LABELS[k.kind].toLowerCase()} is ${firstName}?`}
            error={errorAt(errors, `kinds.${n}.level`)}
            register={form.register(`kinds.${n}.level`)}
            options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
          />
          {values.kinds?.[n]?.level && values.kinds[n].level !== k.suggestedLevel && (
            <Narrative
              form={form}
              name={`kinds.${n}.levelReason`}
              label={`Why your judgement differs from the suggestion (${KIND_LABELS[k.kind].toLowerCase()})`}
              rows={3}
            />
          )}
        </div>
      ))}
      <Narrative
        form={form}
        name="summary"
        label="Summary (optional)"
        hint="What you saw and heard, and what you will do"
      />
      <SubmitButton busy={busy}>Save the screening</SubmitButton>
    </form>
  )
}
