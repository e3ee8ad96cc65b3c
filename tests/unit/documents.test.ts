import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '@/lib/domain/documents'

describe('a Regulation 44 report file', () => {
  it('is a PDF or a Word document by its own bytes, whatever its name says', () => {
    expect(checkDocument(strToU8('%PDF-1.7\n%%EOF'), 1000)).toEqual({ ok: true, type: 'application/pdf' })
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }, { level: 6 })
    expect(checkDocument(docx, 100_000)).toEqual({ ok: true, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  })
  it('refuses other zips, other files, empty files and files over the limit, saying why', () => {
    const otherZip = zipSync({ 'notes.txt': strToU8('not a report') })
    expect(checkDocument(otherZip, 100_000)).toEqual({ ok: false, problem: 'The report must be a PDF or a Word (DOCX) document' })
    expect(checkDocument(strToU8('MZ executable'), 1000)).toMatchObject({ ok: false })
    expect(checkDocument(new Uint8Array(), 1000)).toEqual({ ok: false, problem: 'The report file is empty' })
    expect(checkDocument(strToU8('%PDF-' + 'x'.repeat(3_000_000)), 2_000_000)).toEqual({ ok: false, problem: 'The report file must be smaller than 2 MB' })
  })
})
