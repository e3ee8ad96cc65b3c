// What a child's chronology can be filtered to (the page, the API and lib/server/chronology.ts).
export const CHRONOLOGY_KINDS = {
  placement: 'Placements',
  episode: 'Missing episodes and their timelines',
  return: 'Returns',
  interview: 'Return interviews',
  screening: 'CSE screenings and Regulation 40',
  plan: 'Safety plans and missing protocols',
  alert: 'Alerts and IRO decisions',
  review: 'Looked-after reviews and the period of care',
  meeting: 'Referrals, strategy discussions and meetings',
} as const
export type ChronologyKind = keyof typeof CHRONOLOGY_KINDS
