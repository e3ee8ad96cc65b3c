import { currentActor } from '@/lib/server/current-actor'
import { NotFoundError, recordId } from '@/lib/server/errors'
import { getChildPhoto } from '@/lib/server/grab-packs'

/** A child's grab pack photo, for people who may see the child; nobody else learns it exists. */
export async function GET(_request: Request, context: { params: Promise<{ id: string; photoId: string }> }) {
  const actor = await currentActor()
  if (!actor) return new Response('Sign in to see this photo.', { status: 401 })
  const { id, photoId } = await context.params
  try {
    const photo = await getChildPhoto(actor, recordId(id, 'photo'), recordId(photoId, 'photo'))
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        'Content-Type': photo.contentType,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': 'inline',
      },
    })
  } catch (e) {
    if (e instanceof NotFoundError) return new Response('Not found', { status: 404 })
    throw e
  }
}
