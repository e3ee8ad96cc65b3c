'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { setHomePhone } from '@/lib/server/homes'
import { homePhoneSchema } from '@/lib/validation/homes'

export async function homePhoneAction(homeId: string, input: unknown) {
  return runAction(homePhoneSchema, input, (actor, phone) => setHomePhone(actor, recordId(homeId, 'home'), phone))
}
