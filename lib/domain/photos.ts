// A child's photo for the grab pack: only real JPEG, PNG or WebP images, and not too large to send to the police.
// The type is read from the file's first bytes, not from what the browser claims.

export const PHOTO_TYPES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' } as const
export type PhotoType = keyof typeof PHOTO_TYPES

export function photoType(bytes: Uint8Array): PhotoType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp'
  return null
}

export function checkPhoto(
  bytes: Uint8Array,
  maxBytes: number,
): { ok: true; type: PhotoType } | { ok: false; problem: string } {
  if (bytes.length === 0) return { ok: false, problem: 'The photo file is empty' }
  if (bytes.length > maxBytes)
    return { ok: false, problem: `The photo must be smaller than ${Math.round(maxBytes / 1_000_000)} MB` }
  const type = photoType(bytes)
  return type ? { ok: true, type } : { ok: false, problem: 'The photo must be a JPEG, PNG or WebP image' }
}
