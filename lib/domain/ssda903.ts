// Code lists of the DfE SSDA903 children looked after return (docs/domain.md "Data standards").

type CodeList = Record<string, string>

/** LS: legal status. */
export const LEGAL_STATUS: CodeList = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  J1: 'Remanded to local authority accommodation or youth detention accommodation',
  J2: 'Placed in local authority accommodation under PACE, including secure accommodation',
  J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order',
  L3: 'Under a child assessment order and in local authority accommodation',
  V2: 'Single period of accommodation under section 20',
  V3: 'Accommodated under an agreed series of short-term breaks (individual episodes recorded)',
  V4: 'Accommodated under an agreed series of short-term breaks (agreements recorded)',
}

/** LS codes the return refuses for an episode starting after a day (rule 445: csc-validator-be-903,
 * lac_validator/rules/lac2022_23/rule_445.py): no freeing order (D1) since 30 December 2005, placement orders (E1)
 * instead. The record keeps its code. */
export const LEGAL_STATUS_REFUSED_AFTER: Record<string, string> = { D1: '2005-12-31' }

/** Why a legal status cannot start on a day (yyyy-mm-dd), or null. */
export function legalStatusProblem(code: string, startDate: string): string | null {
  const after = LEGAL_STATUS_REFUSED_AFTER[code]
  return after !== undefined && startDate > after
    ? 'No freeing order has been made since 30 December 2005: select the placement order (E1) if one was granted'
    : null
}

/** The legal statuses a new period of care may start with today (yyyy-mm-dd). */
export const legalStatusesFor = (day: string): CodeList =>
  Object.fromEntries(Object.entries(LEGAL_STATUS).filter(([code]) => legalStatusProblem(code, day) === null))

/** PLACE: placement type, every code Haven has held (a record keeps its code). Labels as the DfE's code set words
 * them (DfE SSDA903 guide, placement type code set, read through the DfE-funded ssd-data-model's ssd_cla_placement). */
export const PLACEMENT_TYPES: CodeList = {
  K2: "Children's home",
  K1: "Secure children's home",
  K3: 'Supported accommodation (Ofsted registered)',
  H5: "Semi-independent living accommodation not subject to Children's Homes Regulations",
  P2: 'Independent living, including bed and breakfast',
  P1: 'Placed with parent(s) or other person with parental responsibility',
  R1: 'Residential care home',
  R2: 'NHS or health trust establishment providing medical or nursing care',
  R5: 'Young offender institution',
  S1: "Residential school (not one dual-registered as a children's home)",
  U1: 'Foster placement with relative or friend: long term',
  U3: 'Foster placement with relative or friend: not long term',
  U4: 'Foster placement with other foster carer: long term',
  U6: 'Foster placement with other foster carer: not long term',
  Z1: 'Other placement',
}

/** PLACE codes rule 146 refuses from a collection year on, with that year (csc-validator-be-903,
 * lac_validator/rules/lac2025_26/rule_146.py, unchanged in 2026-27). Its new codes Z11-Z14 are not offered: their
 * meanings are not confirmed (README, "Limits"). */
export const PLACEMENT_TYPES_WITHDRAWN: Record<string, number> = { H5: 2025, P2: 2025, Z1: 2025 }

/** year 2025 is the collection year 1 April 2025 to 31 March 2026. */
export const collectionYear = (year: number) => ({ from: `${year}-04-01`, to: `${year + 1}-03-31` })

/** The collection year a UK day falls in (before 1 April, the one that started the year before). */
export const collectionYearOn = (isoDay: string) => Number(isoDay.slice(0, 4)) - (isoDay.slice(5) < '04-01' ? 1 : 0)

/** A collection year as the DfE names it: 2025 is "2025-26". */
export const collectionYearName = (year: number) => `${year}-${String(year + 1).slice(2)}`

/** The collection year from which the return refuses a PLACE code, or null while it accepts it. */
export function placeCodeWithdrawnFrom(code: string, year: number): number | null {
  const from = PLACEMENT_TYPES_WITHDRAWN[code]
  return from !== undefined && from <= year ? from : null
}

/**
 * The collection year from which the return refuses a placement's code, when that return covers the placement (it is
 * open, or ended on or after 1 April of that year); null otherwise. The record keeps its code; the export lists it.
 */
export function placeCodeRefusedFrom(placement: { placeCode: string; endDate: string | null }, year: number) {
  const from = placeCodeWithdrawnFrom(placement.placeCode, year)
  return from !== null && (placement.endDate === null || placement.endDate >= collectionYear(from).from) ? from : null
}

/** The placement types a new placement may take in a collection year: those its return still accepts. */
export const placementTypesFor = (year: number): CodeList =>
  Object.fromEntries(Object.entries(PLACEMENT_TYPES).filter(([code]) => placeCodeWithdrawnFrom(code, year) === null))

/** PLACE codes a Haven home (a children's home registered with Ofsted) can take. */
export const HOME_PLACEMENT_TYPES = ['K2', 'K1', 'K3'] as const

/** PLACE_PROVIDER: who provides the placement. */
export const PLACEMENT_PROVIDERS: CodeList = {
  PR0: 'Parent(s) or other person with parental responsibility',
  PR1: 'Own provision (by the local authority)',
  PR2: 'Other local authority provision',
  PR3: 'Other public provision',
  PR4: 'Private provision',
  PR5: 'Voluntary or third sector provision',
}

/** REASON_PLACE_CHANGE: why a child moved to this placement. */
export const PLACEMENT_CHANGE_REASONS: CodeList = {
  CARPL: 'Change to, or carrying out of, the care plan',
  CLOSE: 'Resignation or closure of the provision',
  ALLEG: 'Allegation (section 47)',
  STAND: 'Standards of care concern',
  APPRR: 'Approval removed',
  CREQB: "Carer requested the placement end because of the child's behaviour",
  CREQO: "Carer requested the placement end, other than because of the child's behaviour",
  CHILD: 'Child requested the placement end',
  LAREQ: 'Responsible or area authority requested the placement end',
  PLACE: 'Change in the status of the placement only',
  CUSTOD: 'Custody arrangement',
  OTHER: 'Other',
}

/** REC: why a placement (episode) ended. */
export const PLACEMENT_END_REASONS: CodeList = {
  X1: 'Moved to another placement (a new episode starts the same day)',
  E4A: 'Returned home to live with parents or relatives as part of the care plan',
  E4B: 'Returned home to live with parents or relatives, not as part of the care plan',
  E13: 'Left care to live with parents, relatives or others with no parental responsibility',
  E41: 'Child arrangements (residence) order granted',
  E45: 'Special guardianship order made to former foster carers',
  E46: 'Special guardianship order made to carers other than former foster carers',
  E5: 'Moved to independent living with supportive accommodation',
  E6: 'Moved to independent living without formalised support',
  E7: 'Transferred to residential care funded by adult social care',
  E3: 'Care taken over by another local authority',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment found the child to be 18 or over',
  E16: 'Child moved abroad',
  E17: 'Aged 18 or over and remained with current carers (staying put)',
  E2: 'Died',
  E8: 'Care ended for any other reason',
}

/** ETHNIC: ethnic origin. */
export const ETHNICITIES: CodeList = {
  WBRI: 'White: British',
  WIRI: 'White: Irish',
  WIRT: 'White: Traveller of Irish heritage',
  WROM: 'White: Gypsy or Roma',
  WOTH: 'White: any other White background',
  MWBC: 'Mixed: White and Black Caribbean',
  MWBA: 'Mixed: White and Black African',
  MWAS: 'Mixed: White and Asian',
  MOTH: 'Mixed: any other mixed background',
  AIND: 'Asian or Asian British: Indian',
  APKN: 'Asian or Asian British: Pakistani',
  ABAN: 'Asian or Asian British: Bangladeshi',
  AOTH: 'Asian or Asian British: any other Asian background',
  BCRB: 'Black or Black British: Caribbean',
  BAFR: 'Black or Black British: African',
  BOTH: 'Black or Black British: any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
}

/** A code in words, for screens meant for people (the codes themselves are for the SSDA903 return's pages). */
export const codeLabel = (list: CodeList, code: string | null | undefined) => (code ? (list[code] ?? code) : '')
