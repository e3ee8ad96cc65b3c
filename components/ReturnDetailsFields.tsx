'use client'
// What the SSDA903 return needs about a child that only the placing authority knows: shared by "Add a child" and the
// correction form.
import type { UseFormReturn } from 'react-hook-form'
import { CATEGORY_OF_NEED } from '@/lib/domain/ssda903-rules/identifiers'
import { CodeOptions } from './CodeOptions'
import { describedBy, errorAt, Field } from './form-kit'

export function ReturnDetailsFields({
  form,
}: {
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
    </>
  )
}
