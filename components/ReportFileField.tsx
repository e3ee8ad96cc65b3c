'use client'
// The Regulation 44 report file input, on the new visit form and for a later version. The file goes with the form's
// answers (answersWithFile); the server checks it and names it.
import type { RefObject } from 'react'
import { describedBy, Field } from './form-kit'

export function ReportFileField({ file, error }: { file: RefObject<HTMLInputElement | null>; error?: string }) {
  return (
    <Field name="reportFile" label="Report file (optional)" hint="PDF or Word (DOCX), up to 5 MB" error={error}>
      <input
        type="file"
        accept="application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ref={file}
        {...describedBy('reportFile', { error, hint: true })}
        name="reportFile"
      />
    </Field>
  )
}
