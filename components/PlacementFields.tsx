'use client'
// The placement questions, shared by "Add a child" (prefix "placement") and "Start a placement" (no prefix).
import type { UseFormReturn } from 'react-hook-form'
import {
  collectionYearOn,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_PROVIDERS,
  placementTypesFor,
} from '@/lib/domain/ssda903'
import { londonDate } from '@/lib/domain/time'
import { CodeOptions } from './CodeOptions'
import { describedBy, errorAt, Field } from './form-kit'

export type PlacementOptions = {
  homes: { id: string; name: string }[]
  authorities: { id: string; name: string }[]
  allowOtherSetting: boolean
}

export function PlacementFields({
  form,
  prefix,
  options,
  askReason,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- used by two forms with different value types
  form: UseFormReturn<any>
  prefix: string
  options: PlacementOptions
  askReason: boolean
}) {
  const name = (field: string) => (prefix ? `${prefix}.${field}` : field)
  const errors = form.formState.errors
  const err = (field: string) => errorAt(errors, name(field))
  const homeId = form.watch(name('homeId'))
  // only the types this collection year's SSDA903 return accepts (a code withdrawn by the DfE is not offered)
  const placeCodes = placementTypesFor(collectionYearOn(londonDate(new Date())))
  // shown only sometimes: a hidden question's answer is dropped, so it cannot block the form from out of sight
  const conditional = new Set(['settingName', 'settingPostcode', 'areaAuthorityId', 'bedAndBreakfast'])
  const input = (field: string, hint?: boolean) => ({
    ...describedBy(name(field), { error: err(field), hint }),
    ...form.register(name(field), { shouldUnregister: conditional.has(field) }),
  })
  return (
    <>
      <Field name={name('homeId')} label="Home" error={err('homeId')}>
        <select {...input('homeId')}>
          <option value="">
            {options.allowOtherSetting ? 'Not a Haven home (describe it below)' : 'Select the home'}
          </option>
          {options.homes.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </Field>
      {options.allowOtherSetting && !homeId && (
        <fieldset>
          <legend>Other setting</legend>
          <Field
            name={name('settingName')}
            label="Name of the setting"
            hint="For example the name of a bed and breakfast or a supported lodging"
            error={err('settingName')}
          >
            <input type="text" {...input('settingName', true)} />
          </Field>
          <Field
            name={name('settingPostcode')}
            label="Postcode of the setting"
            hint="For the SSDA903 return, which gives every placement's postcode"
            error={err('settingPostcode')}
          >
            <input type="text" autoComplete="off" {...input('settingPostcode', true)} style={{ maxWidth: '10rem' }} />
          </Field>
          <Field name={name('areaAuthorityId')} label="Local authority area it is in" error={err('areaAuthorityId')}>
            <select {...input('areaAuthorityId')}>
              <option value="">Select the area</option>
              {options.authorities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
          <div className={err('bedAndBreakfast') ? 'field has-error' : 'field'}>
            {err('bedAndBreakfast') && (
              <span className="field-error" id={`${describedBy(name('bedAndBreakfast'), {}).id}-error`}>
                {err('bedAndBreakfast')}
              </span>
            )}
            <div className="checkbox">
              <input type="checkbox" {...input('bedAndBreakfast')} />
              <label htmlFor={describedBy(name('bedAndBreakfast'), {}).id}>
                This is bed and breakfast accommodation
              </label>
            </div>
          </div>
        </fieldset>
      )}
      <Field name={name('startDate')} label="Start date" error={err('startDate')}>
        <input type="date" {...input('startDate')} style={{ maxWidth: '12rem' }} />
      </Field>
      <div className="field">
        <div className="checkbox">
          <input type="checkbox" {...input('emergency', true)} />
          <label htmlFor={describedBy(name('emergency'), {}).id}>
            Made in an emergency
            <span className="hint" id={`${describedBy(name('emergency'), {}).id}-hint`}>
              Out of the placing authority’s area, the area authority is told before a planned placement starts, or
              within 5 working days of an emergency one.
            </span>
          </label>
        </div>
      </div>
      <Field name={name('placeCode')} label="Placement type (SSDA903 PLACE)" error={err('placeCode')}>
        <select {...input('placeCode')}>
          <CodeOptions codes={placeCodes} prompt="Select the placement type" />
        </select>
      </Field>
      <Field
        name={name('placeProvider')}
        label="Who provides the placement (PLACE_PROVIDER)"
        error={err('placeProvider')}
      >
        <select {...input('placeProvider')}>
          <CodeOptions codes={PLACEMENT_PROVIDERS} prompt="Select who provides it" />
        </select>
      </Field>
      {askReason && (
        <Field name={name('reasonForChange')} label="Reason for the change of placement" error={err('reasonForChange')}>
          <select {...input('reasonForChange')}>
            <CodeOptions codes={PLACEMENT_CHANGE_REASONS} prompt="Select the reason" />
          </select>
        </Field>
      )}
    </>
  )
}
