/**
 * Deterministic catalogue/query split by product id, shared by training and
 * offline evaluation: the projection is trained on the "catalog" part only.
 */

/** FNV-1a 32-bit hash of the id's characters. */
export function idHash(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

export function splitOf(id: string): "catalog" | "query" {
  return idHash(id) % 5 === 0 ? "query" : "catalog"
}
