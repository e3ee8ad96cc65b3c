// CSV as spreadsheets and the DfE's tools read it (RFC 4180): CRLF line ends, fields quoted only when they must be.

/**
 * guardFormulas: a text cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe (OWASP
 * "CSV injection"); off for the DfE's return, whose values are codes and dates.
 */
export function toCsv(header: string[], rows: (string | number)[][], { guardFormulas = false } = {}) {
  const cell = (v: string | number) => {
    if (typeof v === 'number') return String(v)
    const text = guardFormulas && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
