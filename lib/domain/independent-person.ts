// Who may be a children's home's independent person (Children's Homes (England) Regulations 2015 reg 43): each
// exclusion as the person declares it, and what Haven itself knows of their roles. Pure.

/** Reg 43(3)(b)-(g): each exclusion, as the person declares it does not apply to them. */
export const DECLARATION = [
  {
    key: 'notPaidStaff',
    label: 'I am not employed for payment by the registered provider',
    reason: 'employed by the provider (Reg 43(3)(b))',
  },
  {
    key: 'notCarePlanning',
    label:
      'I am not involved in preparing the care plan of any child placed at the home, nor manage or supervise someone who is',
    reason: 'involved in care planning for a child placed there (Reg 43(3)(c))',
  },
  {
    key: 'notCommissionerOrFunder',
    label: 'I am not responsible for commissioning or financing services the home provides',
    reason: 'commissions or funds the home’s services (Reg 43(3)(d))',
  },
  {
    key: 'noFinancialInterest',
    label: 'I have no financial interest in the home',
    reason: 'has a financial interest in the home (Reg 43(3)(e))',
  },
  {
    key: 'notResponsibleIndividual',
    label: 'I am not the responsible individual',
    reason: 'is the responsible individual (Reg 43(3)(f))',
  },
  {
    key: 'noConnection',
    label:
      'I have no connection with the registered person, anyone working at the home or a child that could cast doubt on my impartiality',
    reason: 'has a connection that casts doubt on impartiality (Reg 43(3)(g))',
  },
] as const
export type DeclarationKey = (typeof DECLARATION)[number]['key']
export type Declaration = Record<DeclarationKey, boolean>

/** What Haven itself knows about the person (from their account's roles and the children placed at the home). */
export type KnownRoles = {
  /** homes of the provider where they hold a staff role (care worker, registered manager) */
  staffAt: string[]
  /** they are the provider's responsible individual */
  responsibleIndividual: boolean
  /** children placed at the home for whom they are the IRO or social worker (initials) */
  allocatedTo: { initials: string; role: 'IRO' | 'social worker' }[]
}

/** Reg 43(3): independent unless an exclusion applies, by their own declaration or by what Haven knows. */
export function independence(declaration: Declaration, known: KnownRoles): { independent: boolean; reasons: string[] } {
  const reasons: string[] = DECLARATION.filter((d) => !declaration[d.key]).map((d) => `Declared: ${d.reason}`)
  if (known.staffAt.length)
    reasons.push(`Haven shows a staff role for the provider at ${known.staffAt.join(', ')} (Reg 43(3)(b))`)
  if (known.responsibleIndividual)
    reasons.push('Haven shows them as the provider’s responsible individual (Reg 43(3)(f))')
  for (const a of known.allocatedTo)
    reasons.push(
      `Haven shows them as the ${a.role} of ${a.initials}, placed at the home: involved in care planning (Reg 43(3)(c))`,
    )
  return { independent: reasons.length === 0, reasons }
}
