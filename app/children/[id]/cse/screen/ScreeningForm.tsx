'use client'
import { useRouter } from 'next/navigation'
import { describedBy, errorAt, Narrative, Radios, SubmitButton, useActionForm } from '@/components/form-kit'
import {
  INDICATORS,
  INDICATOR_BY_CODE,
  LEVEL_LABELS,
  scoreScreening,
  WHEN_LABELS,
  type ScreeningRules,
  type Suggestion,
  type When,
} from '@/lib/domain/cse'
import { LEVELS, screeningSchema, WHENS } from '@/lib/validation/cse'
import { recordScreeningAction } from '@/app/cse/actions'

const GROUPS = [
  ['vulnerability', 'Vulnerabilities'],
  ['behaviour', 'Behaviours'],
  ['harm', 'Harm: abuse has happened'],
] as const

export function ScreeningForm({
  childId,
  firstName,
  suggestions,
  rules,
  sourceInterviewId,
}: {
  childId: string
  firstName: string
  suggestions: Suggestion[]
  rules: ScreeningRules
  sourceInterviewId: string | null
}) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: screeningSchema,
    defaultValues: {
      indicators: INDICATORS.map((i) => ({ code: i.code, present: false, when: '' as const, note: '' })),
      levelReason: '',
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
  const result = scoreScreening(observed, rules)
  const differs = values.level && values.level !== result.suggestedLevel
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
      {GROUPS.map(([group, title]) => (
        <fieldset key={group}>
          <legend>{title}</legend>
          {INDICATORS.map((indicator, n) =>
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
                  <label htmlFor={`f-indicators-${n}-present`}>{indicator.label}</label>
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
        <p>
          {result.indicatorCount} indicator{result.indicatorCount === 1 ? '' : 's'}, score {result.score}:{' '}
          <strong>{LEVEL_LABELS[result.suggestedLevel]}</strong>.
          {result.fullAssessmentPrompted && ' A full assessment is needed (three or more indicators, or harm).'}
        </p>
        <p className="muted">No screening tool is validated: the level is your professional judgement.</p>
      </section>
      <Radios
        name="level"
        legend={`Your judgement: how at risk of child sexual exploitation is ${firstName}?`}
        error={errors.level?.message}
        register={form.register('level')}
        options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
      />
      {differs && (
        <Narrative form={form} name="levelReason" label="Why your judgement differs from the suggestion" rows={3} />
      )}
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
