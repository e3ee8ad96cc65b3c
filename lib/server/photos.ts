// Grab pack photos are decoded and encoded again, so nothing in the file but the picture reaches another person: sharp
// writes no EXIF (GPS, camera, time), XMP, ICC profile or comment unless asked. A photo taken at a relative's home
// would otherwise give away where that home is (UK GDPR art. 5(1)(c), data minimisation).
import type { PhotoType } from '@/lib/domain/photos'
import { ValidationError } from './errors'

/** The picture alone, turned upright as the camera recorded it, in the type it came in. */
export async function cleanPhoto(bytes: Uint8Array, type: PhotoType): Promise<Buffer> {
  // loaded with the first photo, not with the server: libvips is tens of MB that most servers never use
  const { default: sharp } = await import('sharp')
  try {
    // limitInputPixels: a small file that claims a huge picture (a decompression bomb) is refused before decoding
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 }).autoOrient()
    // a high quality: the police may need to recognise the child from it (PNG stays lossless)
    const encoded =
      type === 'image/png'
        ? image.png()
        : type === 'image/webp'
          ? image.webp({ quality: 90 })
          : image.jpeg({ quality: 90 })
    return await encoded.toBuffer()
  } catch {
    throw new ValidationError({
      photo: 'The photo could not be read as an image: it may be damaged. Try another copy.',
    })
  }
}
