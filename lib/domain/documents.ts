// A Regulation 44 report uploaded as a file: only real PDF or Word (DOCX) documents, and not too large to keep.
// The type is read from the file's own bytes, not from what the browser claims (as for photos: lib/domain/photos.ts).

export const DOCUMENT_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
} as const
export type DocumentType = keyof typeof DOCUMENT_TYPES

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b)

/** A DOCX is a zip whose entries include word/document.xml (zip entry names are stored uncompressed). */
function isDocx(bytes: Uint8Array) {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false
  const name = ascii('word/document.xml')
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer
    return true
  }
  return false
}

export function documentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  if (isDocx(bytes)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  return null
}

export function checkDocument(bytes: Uint8Array, maxBytes: number): { ok: true; type: DocumentType } | { ok: false; problem: string } {
  if (bytes.length === 0) return { ok: false, problem: 'The report file is empty' }
  if (bytes.length > maxBytes) return { ok: false, problem: `The report file must be smaller than ${Math.round(maxBytes / 1_000_000)} MB` }
  const type = documentType(bytes)
  return type ? { ok: true, type } : { ok: false, problem: 'The report must be a PDF or a Word (DOCX) document' }
}
