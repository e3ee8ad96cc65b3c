// Lets a care worker add Haven to a phone's home screen: its name, colour and icons (drawn in app/icon.svg; the
// PNGs in public/ are that drawing at the two sizes phones ask for).
import type { MetadataRoute } from 'next'

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Haven',
    short_name: 'Haven',
    description: 'Missing episodes, return interviews and safety plans for children in children’s homes',
    start_url: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b3d4a',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  }
}
