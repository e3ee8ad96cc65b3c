// Alerts of the same kind shown together, in the order of the most urgent of each kind (the list comes in triage
// order: lib/server/alerts.ts), so that eight alerts about eight places read as one line naming the places.

export type AlertGroup<A> = { rule: string; title: string; alerts: A[] }

export function groupAlerts<A extends { rule: string; title: string }>(alerts: A[]): AlertGroup<A>[] {
  const groups = new Map<string, AlertGroup<A>>()
  for (const a of alerts) {
    const group = groups.get(a.rule) ?? { rule: a.rule, title: a.title, alerts: [] }
    group.alerts.push(a)
    groups.set(a.rule, group)
  }
  return [...groups.values()]
}

/** "the Chicken Hut, Station Road; Riverside Park and 6 more": what a group is about, in one line. */
export function namedInGroup(about: string[], shown = 3) {
  const named = about.filter(Boolean)
  const rest = named.length - shown
  return rest > 0 ? `${named.slice(0, shown).join('; ')} and ${rest} more` : named.join('; ')
}
