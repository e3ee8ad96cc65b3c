// What the SSDA903 return needs about a child that only the placing authority knows: its own reference for the
// child, the UPN (or the DfE's code for why there is none), the home postcode when the child became looked after and
// the category of need. The placing authority's record, like the period of care (action care.period).
import type { Actor } from '@/lib/domain/roles'
import type { ReturnDetailsInput } from '@/lib/validation/children'
import { checkReferenceFree } from './children'
import type { Tx } from './database'
import { ValidationError } from './errors'
import { useCase } from './use-case'

type Details = ReturnDetailsInput

/** The current period of care: the latest. */
function load(tx: Tx, childId: string) {
  return tx.periodOfCare.findFirst({
    where: { childId },
    orderBy: { startDate: 'desc' },
    include: { legalStatuses: { orderBy: { startDate: 'asc' } } },
  })
}

const detailsOf = (
  child: { authorityRef: string | null; upn: string | null; returnSex: Details['returnSex'] },
  period: Awaited<ReturnType<typeof load>>,
): Details => ({
  authorityRef: child.authorityRef,
  upn: child.upn,
  homePostcode: period?.homePostcode ?? null,
  categoryOfNeed: period?.legalStatuses[0]?.categoryOfNeed ?? null,
  returnSex: child.returnSex,
})

/** The child's details for the return. */
export async function getReturnDetails(actor: Actor, childId: string, now = new Date()) {
  return useCase(actor, 'care.period', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, {
      select: { id: true, firstName: true, lastName: true, authorityRef: true, upn: true, returnSex: true, sex: true },
    })
    const period = await load(tx, childId)
    await audit({ action: 'care.return-details-read', subjectType: 'child', subjectId: childId, childId, details: {} })
    return {
      child: { id: child.id, firstName: child.firstName, lastName: child.lastName, sex: child.sex },
      hasPeriodOfCare: period !== null,
      ...detailsOf(child, period),
    }
  })
}

/**
 * Corrects the child's details for the return. The category of need is the period of care's (one for the whole
 * period: DfE rule 504), so it is set on each of the period's legal status entries.
 */
export async function correctReturnDetails(actor: Actor, childId: string, input: Details, now = new Date()) {
  return useCase(actor, 'care.period', { subject: 'child', now }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, {
      select: { authorityRef: true, upn: true, returnSex: true, placingAuthorityId: true },
    })
    const period = await load(tx, childId)
    if (!period && (input.homePostcode || input.categoryOfNeed))
      throw new ValidationError({
        form: 'This child has no period of care in Haven: record when they became looked after first.',
      })
    await checkReferenceFree(tx, child.placingAuthorityId, input.authorityRef, childId)
    const before = detailsOf(child, period)
    const changed = (Object.keys(before) as (keyof Details)[]).filter((k) => before[k] !== input[k])
    await tx.child.update({
      where: { id: childId },
      data: { authorityRef: input.authorityRef, upn: input.upn, returnSex: input.returnSex },
    })
    if (period) {
      await tx.periodOfCare.update({ where: { id: period.id }, data: { homePostcode: input.homePostcode } })
      await tx.legalStatusEntry.updateMany({
        where: { periodOfCareId: period.id },
        data: { categoryOfNeed: input.categoryOfNeed },
      })
    }
    await audit({
      action: 'care.return-details',
      subjectType: 'child',
      subjectId: childId,
      childId,
      details: { fields: changed },
    })
    return { ...input, changed }
  })
}
