// A Regulation 44 report uploaded as a file: only real PDF or Word (DOCX) documents, and not too large to keep.
// The type is read from the file's own bytes, not from what the browser claims (as for photos: lib/domain/photos.ts),
// and the file is opened the way a reader's program would, so nothing in it runs or fetches anything when opened
// (OWASP File Upload Cheat Sheet: validate the content, not the name; ISO 32000 for PDF, ECMA-376 for DOCX).
import { Inflate } from 'fflate'
import { settings } from '@/lib/settings'

export const DOCUMENT_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
} as const
export type DocumentType = keyof typeof DOCUMENT_TYPES
const DOCX: DocumentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export type ZipLimits = { docxMaxEntries: number; docxMaxUnpackedBytes: number; docxMaxRatio: number }
type Checked = { ok: true; type: DocumentType } | { ok: false; problem: string }

/** The name Haven stores and serves a report under: never the uploader's, so no name or extension of theirs
 *  (report.html, report.pdf.hta) decides how a reader's computer opens it. */
export function reportFileName(visitedOn: string, version: number, type: DocumentType) {
  return `reg44-report-${visitedOn}-v${version}.${type === 'application/pdf' ? 'pdf' : 'docx'}`
}

export function checkDocument(bytes: Uint8Array, maxBytes: number, zip: ZipLimits = settings.oversight): Checked {
  if (bytes.length === 0) return { ok: false, problem: 'The report file is empty' }
  if (bytes.length > maxBytes)
    return { ok: false, problem: `The report file must be smaller than ${Math.round(maxBytes / 1_000_000)} MB` }
  const text = latin1(bytes)
  if (text.startsWith('%PDF-')) return checkPdf(bytes, text)
  if (text.startsWith('PK\x03\x04')) return checkDocx(bytes, zip)
  return { ok: false, problem: 'The report must be a PDF or a Word (DOCX) document' }
}

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes)
const refuse = (problem: string): Checked => ({ ok: false, problem })

// ---- PDF

/** Names PDF readers act on without asking: scripts, launching programs, files carried inside. An /OpenAction or /AA
 * (additional action) only runs a script through /JavaScript or /JS, or a program through /Launch, so those cover it.
 */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?)(?=[\s/<>[\]()%]|$)/

function checkPdf(bytes: Uint8Array, text: string): Checked {
  const notPdf = refuse('The report is not a complete PDF: save or export it as PDF again and attach that')
  if (!/^%PDF-[12]\.\d/.test(text)) return notPdf
  // the end of the file says where its cross-reference (a table or a stream) starts, and that must be one
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024))
  if (!end) return notPdf
  const at = Number(end[1])
  if (at >= text.length || !/^\s*(xref\b|\d+\s+\d+\s+obj\b)/.test(text.slice(at, at + 64))) return notPdf
  if (!/\btrailer\b/.test(text) && !/\/Type\s*\/XRef\b/.test(names(text))) return notPdf
  // dictionaries live outside streams, or inside compressed object streams: both are read; pictures and page content
  // are not (their bytes could spell a name by chance)
  const streams = [...text.matchAll(/stream\r?\n/g)]
  let outside = ''
  let from = 0
  const inside: string[] = []
  for (const m of streams) {
    if (m.index < from) continue
    const start = m.index + m[0].length
    const stop = text.indexOf('endstream', start)
    if (stop < 0) return notPdf
    const dictionary = names(text.slice(Math.max(from, m.index - 2000), m.index))
    outside += text.slice(from, m.index)
    const own = dictionary.slice(Math.max(0, dictionary.lastIndexOf('obj')))
    if (/\/Type\s*\/ObjStm\b/.test(own)) {
      const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(own)?.[1].replace(/[[\]\s]/g, '')
      const unpacked = !filter
        ? bytes.subarray(start, stop)
        : filter === '/FlateDecode'
          ? inflateLimited(bytes.subarray(start, stop), 2, settings.oversight.docxMaxUnpackedBytes)
          : 'broken'
      if (unpacked === 'too-large' || unpacked === 'broken') return notPdf
      inside.push(latin1(unpacked))
    }
    from = stop + 'endstream'.length
  }
  outside += text.slice(from)
  const all = names([outside, ...inside].join('\n'))
  if (/\/Encrypt\b/.test(all))
    return refuse(
      'The PDF is encrypted or password-protected, so Haven cannot check it: save a copy without protection and attach that',
    )
  const active = PDF_ACTIVE.exec(all)
  if (active)
    return refuse(
      active[1] === 'Launch'
        ? 'The PDF would start a program when opened: save or print it to a new PDF without actions and attach that'
        : active[1].startsWith('Embedded')
          ? 'The PDF has other files inside it: save or print it to a new PDF without attachments and attach that'
          : 'The PDF contains JavaScript, which would run when it is opened: save or print it to a new PDF and attach that',
    )
  return { ok: true, type: 'application/pdf' }
}

/** PDF names may spell a character as #xx (/J#61vaScript is /JavaScript): spelt out before looking. */
const names = (text: string) =>
  text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

// ---- DOCX

type ZipEntry = {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  localOffset: number
}

/** The central directory at the end of a zip: each entry's name, sizes and where its data is (PKWARE APPNOTE 4.3). */
function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] | 'broken' | 'too-many' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) return 'broken'
  const count = view.getUint16(eocd + 10, true)
  if (count > maxEntries) return 'too-many'
  const entries: ZipEntry[] = []
  let at = view.getUint32(eocd + 16, true)
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return 'broken'
    const nameLength = view.getUint16(at + 28, true)
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

/** Inflates a little at a time and stops as soon as the output passes the limit, so a bomb is never unpacked.
 *  `skip` drops a zlib header (PDF streams); zip entries are raw deflate. */
function inflateLimited(data: Uint8Array, skip: number, limit: number): Uint8Array | 'too-large' | 'broken' {
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    const inflate = new Inflate((chunk) => {
      total += chunk.length
      if (total <= limit) chunks.push(chunk)
    })
    const body = data.subarray(skip)
    for (let i = 0; i < body.length && total <= limit; i += 4096)
      inflate.push(body.subarray(i, i + 4096), i + 4096 >= body.length)
  } catch {
    return 'broken'
  }
  if (total > limit) return 'too-large'
  const out = new Uint8Array(total)
  chunks.reduce((offset, c) => (out.set(c, offset), offset + c.length), 0)
  return out
}

/** XML as Word writes it (UTF-8, or UTF-16 with a byte order mark), read as text. */
function xmlText(bytes: Uint8Array) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder().decode(bytes)
}

/** Relationship targets fetched from outside the document when it opens (a template, a frame, an OLE object: the way
 *  Follina, CVE-2022-30190, ran code). A hyperlink is allowed: it is only followed when the reader clicks it, and Word
 *  shows the address first. */
function externalTarget(rels: string): string | null {
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (!/\bTargetMode\s*=\s*["']External["']/.test(tag)) continue
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? ''
    if (!/\/hyperlink$/.test(type)) return type.split('/').pop() || 'an unknown link'
  }
  return null
}

function checkDocx(bytes: Uint8Array, zip: ZipLimits): Checked {
  const broken = refuse(
    'The Word document is damaged or incomplete: open it in Word, save it as .docx again and attach that',
  )
  const tooBig = refuse(
    `The Word document unpacks to more than ${Math.round(zip.docxMaxUnpackedBytes / 1_000_000)} MB or is packed unusually tightly (a "zip bomb"): save it again from Word, or as PDF`,
  )
  const entries = zipEntries(bytes, zip.docxMaxEntries)
  if (entries === 'broken') return broken
  if (entries === 'too-many')
    return refuse(`The Word document has more than ${zip.docxMaxEntries} parts: save it again from Word, or as PDF`)
  const named = new Set(entries.map((e) => e.name))
  if (!named.has('[Content_Types].xml') || !named.has('word/document.xml'))
    return refuse(
      'The report must be a PDF or a Word (DOCX) document: this file is a zip without a Word document in it',
    )
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name)))
    return refuse('The Word document contains macros: save it as a plain .docx (without macros) and attach that')
  let unpacked = 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const entry of entries) {
    if (entry.flags & 1)
      return refuse(
        'The Word document is encrypted or password-protected: save a copy without protection and attach that',
      )
    if (entry.method !== 0 && entry.method !== 8) return broken
    if (entry.size > zip.docxMaxUnpackedBytes - unpacked) return tooBig
    const local = entry.localOffset
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return broken
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = bytes.subarray(start, start + entry.compressedSize)
    if (start + entry.compressedSize > bytes.length) return broken
    // never more than the entry says it holds, whatever the compressed stream would produce
    const content = entry.method === 0 ? data : inflateLimited(data, 0, entry.size)
    if (content === 'broken' || content === 'too-large' || content.length !== entry.size)
      return content === 'too-large' ? tooBig : broken
    if (entry.size > 100_000 && entry.size > entry.compressedSize * zip.docxMaxRatio) return tooBig
    unpacked += entry.size
    if (!/\.(xml|rels)$/i.test(entry.name)) continue
    const xml = xmlText(content)
    // Word never writes a DOCTYPE; one can declare entities that read files or addresses (XXE) or expand without end
    if (/<!(DOCTYPE|ENTITY)/i.test(xml))
      return refuse(
        'The Word document contains an XML DOCTYPE or entity declaration, which Word never writes: save it again from Word, or as PDF',
      )
    const external = entry.name.endsWith('.rels') ? externalTarget(xml) : null
    if (external)
      return refuse(
        `The Word document loads something from outside itself when opened (${external}): remove it, or save as PDF, and attach that`,
      )
  }
  return { ok: true, type: DOCX }
}
