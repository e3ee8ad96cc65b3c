'use server'
import { runAction } from '@/lib/server/action'
import { saveOrganisationSignIn } from '@/lib/server/organisation-sign-in-admin'
import { organisationSignInSchema } from '@/lib/validation/organisation-sign-in'

export async function saveOrganisationSignInAction(input: unknown) {
  return runAction(organisationSignInSchema, input, (actor, values) => saveOrganisationSignIn(actor, values))
}
