// What a server component returned, as the strings in it (its text and its props' values), without rendering it:
// enough to check that a page shows a record, in a test that calls the page's function.
export function stringsIn(node: unknown, seen = new WeakSet<object>()): string[] {
  if (typeof node === 'string' || typeof node === 'number') return [String(node)]
  if (!node || typeof node !== 'object' || seen.has(node)) return []
  seen.add(node)
  if (Array.isArray(node)) return node.flatMap((n) => stringsIn(n, seen))
  const props = (node as { props?: unknown }).props
  return props !== undefined ? stringsIn(props, seen) : Object.values(node).flatMap((n) => stringsIn(n, seen))
}
