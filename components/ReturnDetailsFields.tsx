'use client'
// What the SSDA903 return needs about a child that only the placing authority knows: shared by "Add a child" and the
// correction form.
import type { UseFormReturn } from 'react-hook-form'
import { RETURN_SEX } from '@/lib/domain/ssda903-rules/header'
import { CATEGORY_OF_NEED, UPN_UNKNOWN } from '@/lib/domain/ssda903-rules/identifiers'
import { CodeOptions } from './CodeOptions'
import { describedBy, errorAt, Field } from './form-kit'

export function ReturnDetailsFields({
  form,
  recordedSex,
}: {
  /** the sex recorded for the child, in words, when the form does not ask it */
  recordedSex?: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- used by two forms with different value types
  form: UseFormReturn<any>
}) {
  const err = (field: string) => errorAt(form.formState.errors, field)
  const input = (field: string, hint?: boolean) => ({
    ...describedBy(field, { error: err(field), hint }),
    ...form.register(field),
  })
  return (
    <>
      <Field
        name="authorityRef"
        label="Authority's reference for the child (optional)"
        hint="What your case management system calls the child: the SSDA903 return is keyed by it"
        error={err('authorityRef')}
      >
        <input type="text" autoComplete="off" {...input('authorityRef', true)} style={{ maxWidth: '14rem' }} />
      </Field>
      <Field
        name="upn"
        label="Unique Pupil Number (optional)"
        hint="13 characters from the child's school; or the DfE's code for why there is none, UN1 to UN5"
        error={err('upn')}
      >
        <input type="text" autoComplete="off" {...input('upn', true)} style={{ maxWidth: '14rem' }} />
      </Field>
      <details>
        <summary>What UN1 to UN5 mean</summary>
        <dl>
          {Object.entries(UPN_UNKNOWN).map(([code, meaning]) => (
            <div key={code}>
              <dt>{code}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
      <Field
        name="homePostcode"
        label="Home postcode when the child became looked after (optional)"
        error={err('homePostcode')}
      >
        <input type="text" autoComplete="off" {...input('homePostcode')} style={{ maxWidth: '10rem' }} />
      </Field>
      <Field name="categoryOfNeed" label="Category of need (optional)" error={err('categoryOfNeed')}>
        <select {...input('categoryOfNeed')}>
          <CodeOptions codes={CATEGORY_OF_NEED} prompt="Not recorded yet" />
        </select>
      </Field>
      <Field
        name="returnSex"
        label="Sex for the return (optional)"
        hint="Only if the return should record it differently, for example not known or indeterminate; Haven's other records keep the sex recorded for the child"
        error={err('returnSex')}
      >
        <select {...input('returnSex', true)}>
          <option value="">
            {recordedSex ? `As recorded for the child (${recordedSex})` : 'As recorded for the child'}
          </option>
          {Object.entries(RETURN_SEX).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
    </>
  )
}
