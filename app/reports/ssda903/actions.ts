'use server'
import { runAction } from '@/lib/server/action'
import { matchAuthorityReturn } from '@/lib/server/ssda903'
import { ssda903UploadSchema } from '@/lib/validation/ssda903'

export async function matchUploadAction(input: unknown) {
  return runAction(ssda903UploadSchema, input, (actor, upload) => matchAuthorityReturn(actor, upload))
}
