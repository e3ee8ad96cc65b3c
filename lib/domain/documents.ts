// A Regulation 44 report uploaded as a file: only real PDF or Word (DOCX) documents, and not too large to keep.
// The type is read from the file's own bytes, not from what the browser claims (as for photos: lib/domain/photos.ts).

export const DOCUMENT_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
} as const
export type DocumentType = keyof typeof DOCUMENT_TYPES

/** A DOCX is a zip ("PK\x03\x04") whose entries include word/document.xml (entry names are stored uncompressed). */
export function documentType(bytes: Uint8Array): DocumentType | null {
  const text = new TextDecoder('latin1').decode(bytes)
  if (text.startsWith('%PDF-')) return 'application/pdf'
  if (text.startsWith('PK\x03\x04') && text.includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  return null
}

export function checkDocument(bytes: Uint8Array, maxBytes: number): { ok: true; type: DocumentType } | { ok: false; problem: string } {
  if (bytes.length === 0) return { ok: false, problem: 'The report file is empty' }
  if (bytes.length > maxBytes) return { ok: false, problem: `The report file must be smaller than ${Math.round(maxBytes / 1_000_000)} MB` }
  const type = documentType(bytes)
  return type ? { ok: true, type } : { ok: false, problem: 'The report must be a PDF or a Word (DOCX) document' }
}
