/** <option>s for a code list, labelled in words (no SSDA903 codes on screens meant for people). */
export function CodeOptions({ codes, prompt }: { codes: Record<string, string>; prompt: string }) {
  return (
    <>
      <option value="">{prompt}</option>
      {Object.entries(codes).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </>
  )
}
