import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * A fixed-window limit per client address and bucket. In memory, so per
 * backend instance: behind several instances the effective limit is N× this;
 * a proxy or Redis limiter belongs in front of a large deployment.
 */
export function rateLimit(bucket: string, perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>()
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (!Number.isFinite(perMinute) || perMinute <= 0) return next()
    const now = Date.now()
    const key = `${bucket}:${req.ip}`
    let w = windows.get(key)
    if (!w || now - w.start >= 60000) {
      w = { start: now, count: 0 }
      windows.set(key, w)
      if (windows.size > 50000) for (const [k, v] of windows) if (now - v.start >= 60000) windows.delete(k)
    }
    w.count++
    if (w.count > perMinute) {
      const retry = Math.ceil((w.start + 60000 - now) / 1000)
      res.setHeader("Retry-After", String(retry))
      res.status(429).json({ type: "too_many_requests", message: `Too many ${bucket} requests: at most ${perMinute} a minute. Try again in ${retry} s.` })
      return
    }
    next()
  }
}
