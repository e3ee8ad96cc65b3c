'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { CodeOptions } from '@/components/CodeOptions'
import { describedBy, Field, SubmitButton, useActionForm } from '@/components/form-kit'
import { PlacementFields, type PlacementOptions } from '@/components/PlacementFields'
import { ReturnDetailsFields } from '@/components/ReturnDetailsFields'
import { ETHNICITIES, legalStatusesFor } from '@/lib/domain/ssda903'
import { londonDate } from '@/lib/domain/time'
import { newChildSchema } from '@/lib/validation/children'
import { createChildAction } from '../actions'

type Person = { id: string; name: string; localAuthorityId: string | null }

export function NewChildForm(
  props: PlacementOptions & { iros: Person[]; socialWorkers: Person[]; defaultAuthorityId: string | null },
) {
  const router = useRouter()
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: newChildSchema,
    action: createChildAction,
    onSuccess: ({ id }) => router.push(`/children/${id}`),
    defaultValues: {
      firstName: '',
      lastName: '',
      dateOfBirth: '',
      disability: 'NOT_KNOWN',
      disabilityDetails: '',
      placingAuthorityId: props.defaultAuthorityId ?? '',
      socialWorkerId: '',
      iroId: '',
      lookedAfterSince: '',
      authorityRef: '',
      upn: '',
      homePostcode: '',
      returnSex: '',
      placement: {
        homeId: props.homes.length === 1 ? props.homes[0].id : '',
        startDate: '',
        bedAndBreakfast: false,
        settingName: '',
        settingPostcode: '',
        areaAuthorityId: '',
      },
    },
  })
  const placingAuthorityId = form.watch('placingAuthorityId')
  // the people offered belong to the placing authority: a choice made for another authority no longer applies
  useEffect(() => {
    if (form.getValues('socialWorkerId')) form.setValue('socialWorkerId', '')
    if (form.getValues('iroId')) form.setValue('iroId', '')
  }, [placingAuthorityId, form])
  const ofAuthority = (people: Person[]) => people.filter((p) => p.localAuthorityId === placingAuthorityId)
  const input = (
    name:
      | 'firstName'
      | 'lastName'
      | 'dateOfBirth'
      | 'sex'
      | 'ethnicity'
      | 'disability'
      | 'disabilityDetails'
      | 'legalStatus'
      | 'placingAuthorityId'
      | 'socialWorkerId'
      | 'iroId'
      | 'lookedAfterSince',
    hint?: boolean,
  ) => ({
    ...describedBy(name, { error: errors[name]?.message, hint }),
    ...form.register(name),
  })

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      <fieldset>
        <legend>About the child</legend>
        <Field name="firstName" label="First name" error={errors.firstName?.message}>
          <input type="text" autoComplete="off" {...input('firstName')} />
        </Field>
        <Field name="lastName" label="Last name" error={errors.lastName?.message}>
          <input type="text" autoComplete="off" {...input('lastName')} />
        </Field>
        <Field name="dateOfBirth" label="Date of birth" error={errors.dateOfBirth?.message}>
          <input type="date" {...input('dateOfBirth')} style={{ maxWidth: '12rem' }} />
        </Field>
        <Field
          name="sex"
          label="Sex"
          hint="As recorded for the child; the return's own is asked below only if it differs"
          error={errors.sex?.message}
        >
          <select {...input('sex', true)}>
            <option value="">Select</option>
            <option value="FEMALE">Female</option>
            <option value="MALE">Male</option>
          </select>
        </Field>
        <Field name="ethnicity" label="Ethnicity" error={errors.ethnicity?.message}>
          <select {...input('ethnicity')}>
            <CodeOptions codes={ETHNICITIES} prompt="Select the ethnicity" />
          </select>
        </Field>
        <Field name="disability" label="Disability" error={errors.disability?.message}>
          <select {...input('disability')}>
            <option value="NOT_KNOWN">Not known</option>
            <option value="NOT_DISABLED">No disability</option>
            <option value="DISABLED">Has a disability</option>
          </select>
        </Field>
        <Field
          name="disabilityDetails"
          label="Disability details (optional)"
          hint="What staff need to know, for example about communication"
          error={errors.disabilityDetails?.message}
        >
          <textarea {...input('disabilityDetails', true)} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Legal status and placing authority</legend>
        <Field name="legalStatus" label="Legal status (SSDA903 LS)" error={errors.legalStatus?.message}>
          <select {...input('legalStatus')}>
            {/* only what the SSDA903 return accepts for a period starting now (no freeing order, D1, since 2005) */}
            <CodeOptions codes={legalStatusesFor(londonDate(new Date()))} prompt="Select the legal status" />
          </select>
        </Field>
        <Field
          name="lookedAfterSince"
          label="Date the child became looked after (optional)"
          hint="Often years before this placement. Leave blank if it is the day this placement starts. Reviews count from it."
          error={errors.lookedAfterSince?.message}
        >
          <input type="date" style={{ maxWidth: '12rem' }} {...input('lookedAfterSince', true)} />
        </Field>
        <ReturnDetailsFields form={form} />
        <Field name="placingAuthorityId" label="Placing local authority" error={errors.placingAuthorityId?.message}>
          <select {...input('placingAuthorityId')}>
            <option value="">Select the placing authority</option>
            {props.authorities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="socialWorkerId"
          label="Allocated social worker"
          hint="Of the placing authority"
          error={errors.socialWorkerId?.message}
        >
          <select {...input('socialWorkerId', true)}>
            <option value="">{placingAuthorityId ? 'Not allocated yet' : 'Select the placing authority first'}</option>
            {ofAuthority(props.socialWorkers).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="iroId"
          label="Independent reviewing officer (IRO)"
          hint="Of the placing authority"
          error={errors.iroId?.message}
        >
          <select {...input('iroId', true)}>
            <option value="">{placingAuthorityId ? 'Not allocated yet' : 'Select the placing authority first'}</option>
            {ofAuthority(props.iros).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>Placement</legend>
        <PlacementFields form={form} prefix="placement" options={props} askReason={false} />
      </fieldset>
      <SubmitButton busy={busy}>Add child</SubmitButton>
    </form>
  )
}
