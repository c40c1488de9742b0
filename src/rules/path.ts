/** Splits "objectives[0].areas[1].absoluteWeight" into keys: objectives, 0, areas, 1, absoluteWeight. */
export function pathKeys(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((key) => key !== undefined && key !== '')
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key))
}

/** Writes a value at a JSON path of the record; the path must exist up to its last key. */
export function setAtPath(target: unknown, path: string, value: unknown): void {
  const keys = pathKeys(path)
  const last = keys.pop()
  if (last === undefined) throw new Error(`empty path`)
  let node = target as Record<string | number, unknown>
  for (const key of keys) {
    const next = node[key]
    if (next === null || typeof next !== 'object') throw new Error(`path ${path} does not exist at ${String(key)}`)
    node = next as Record<string | number, unknown>
  }
  node[last] = value
}

/** Reads the value at a JSON path of the record; undefined when the path does not exist. */
export function getAtPath(target: unknown, path: string): unknown {
  let node: unknown = target
  for (const key of pathKeys(path)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}
