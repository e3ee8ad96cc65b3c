'use client'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import { answersWithFile, describedBy, Field, Narrative, SubmitButton, useActionForm } from '@/components/form-kit'
import { grabPackSchema, type GrabPackInput } from '@/lib/validation/episodes'
import { saveGrabPackAction } from '@/app/episodes/actions'

const FIELDS: [keyof GrabPackInput, string, string?][] = [
  ['description', 'Description', 'Height, build, hair, skin, eyes, marks and tattoos, how they speak'],
  ['friendsAndAssociates', 'Friends and associates', 'Names, addresses, who they might be with'],
  ['placesTheyGo', 'Places they go', 'Streets, shops, take-aways, parks, addresses'],
  ['phoneNumbers', 'Phone numbers'],
  ['socialMedia', 'Social media', 'Platforms and account handles'],
  ['medicalNeeds', 'Medical needs', 'Conditions, medication and what happens without it'],
  ['vulnerabilities', 'Vulnerabilities', 'Including risk of child sexual exploitation'],
  ['transport', 'Transport', 'How they get about: bus routes, bikes, lifts'],
  ['addresses', 'Addresses they may go to', 'Family, friends, past placements: full addresses'],
  ['bankCardsAndMoney', 'Bank cards and money', 'Bank, card, how much they usually have'],
  ['nationality', 'Nationality (where relevant)'],
  ['immigrationStatus', 'Immigration status (where relevant)', 'For an unaccompanied or trafficked child'],
]

export function GrabPackForm({
  childId,
  current,
}: {
  childId: string
  current: Partial<Record<keyof GrabPackInput, string | null>> | null
}) {
  const router = useRouter()
  const photo = useRef<HTMLInputElement>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const { form, onSubmit, summary, errors, busy } = useActionForm({
    schema: grabPackSchema,
    defaultValues: Object.fromEntries(FIELDS.map(([name]) => [name, current?.[name] ?? ''])),
    action: (values) => saveGrabPackAction(childId, answersWithFile(values, 'photo', photo.current)),
    onSuccess: ({ version }) => {
      setSaved(version)
      if (photo.current) photo.current.value = ''
      router.refresh()
    },
  })
  const photoError = (errors as Record<string, { message?: string }>).photo?.message
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {summary}
      {saved && (
        <p className="notice" role="status">
          Saved as version {saved}. Earlier versions are kept.
        </p>
      )}
      {FIELDS.map(([name, label, hint]) =>
        name === 'phoneNumbers' ? (
          <Field key={name} name={name} label={`${label} (optional)`} hint={hint} error={errors[name]?.message}>
            <textarea
              rows={2}
              {...describedBy(name, { error: errors[name]?.message, hint: Boolean(hint) })}
              {...form.register(name)}
            />
          </Field>
        ) : (
          // free text is checked for victim-blaming words, like every narrative: the police read it too
          <Narrative
            key={name}
            form={form}
            name={name}
            label={name === 'description' ? label : `${label} (optional)`}
            hint={hint}
            rows={name === 'description' ? 4 : 2}
          />
        ),
      )}
      <Field
        name="photo"
        label="Recent photo (optional)"
        hint="JPEG, PNG or WebP, up to 5 MB. Leave empty to keep the current photo."
        error={photoError}
      >
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          ref={photo}
          {...describedBy('photo', { error: photoError, hint: true })}
          name="photo"
        />
      </Field>
      <SubmitButton busy={busy}>Save the grab pack</SubmitButton>
    </form>
  )
}
