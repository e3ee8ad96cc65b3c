import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { setHomePhone } from '@/lib/server/homes'
import { homePhoneSchema } from '@/lib/validation/homes'

/** Sets the home's phone number (the number other agencies ring, given in the missing protocol's e-mails), or
 * removes it with null: the home's registered manager or its provider's responsible individual. */
export const PUT = withActor<{ id: string }>(async ({ request, actor, params }) =>
  setHomePhone(actor, recordId(params.id, 'home'), await readJson(request, homePhoneSchema)),
)
