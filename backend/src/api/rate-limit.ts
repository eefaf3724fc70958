import Redis from "ioredis"
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from "rate-limiter-flexible"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { clientAddress } from "../lib/client-address"

/**
 * Per-client request limits, a sliding window of one minute (the "sliding
 * window counter": this minute's count plus last minute's weighted by how much
 * of it still overlaps the window). Counters live in Redis when REDIS_URL is
 * set, so every backend instance shares them, and in memory otherwise. Each
 * bucket has ONE counter store however many routes use it.
 *
 * The key is the customer id when a customer is logged in (routes put
 * `authenticate("customer", …, { allowUnauthenticated: true })` in front),
 * else the client address (see lib/client-address.ts).
 */
const WINDOW_MS = 60_000

let redis: Redis | undefined
function redisClient(url: string) {
  // no offline queue: while Redis is down a request falls through to the
  // in-memory insurance counter instead of waiting
  return (redis ??= new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  }))
}

/** The counter store of a bucket; exported so two "instances" can be compared in tests. */
export function createCounter(
  bucket: string,
  redisUrl = process.env.REDIS_URL,
  client?: Redis
): RateLimiterAbstract {
  const opts = {
    keyPrefix: `curator-rl:${bucket}`,
    points: Number.MAX_SAFE_INTEGER,
    duration: (2 * WINDOW_MS) / 1000,
  }
  if (!redisUrl && !client) return new RateLimiterMemory(opts)
  return new RateLimiterRedis({
    ...opts,
    storeClient: client ?? redisClient(redisUrl!),
    insuranceLimiter: new RateLimiterMemory(opts),
  })
}

const counters = new Map<string, RateLimiterAbstract>()
function counterFor(bucket: string) {
  let c = counters.get(bucket)
  if (!c) counters.set(bucket, (c = createCounter(bucket)))
  return c
}

export type Decision = {
  allowed: boolean
  limit: number
  remaining: number
  resetSeconds: number
  retryAfterSeconds: number
}

/** Counts one request of `key` and decides; a refused request is not counted. */
export async function hit(
  counter: RateLimiterAbstract,
  key: string,
  limit: number,
  now = Date.now()
): Promise<Decision> {
  const win = Math.floor(now / WINDOW_MS)
  const elapsed = (now - win * WINDOW_MS) / WINDOW_MS
  const [cur, prev] = await Promise.all([
    counter.consume(`${key}:${win}`, 1),
    counter.get(`${key}:${win - 1}`),
  ])
  const current = cur.consumedPoints
  const previous = prev?.consumedPoints ?? 0
  const estimate = previous * (1 - elapsed) + current
  const resetSeconds = Math.max(
    1,
    Math.ceil((WINDOW_MS * (win + 1) - now) / 1000)
  )
  if (estimate <= limit) {
    return {
      allowed: true,
      limit,
      remaining: Math.max(0, Math.floor(limit - estimate)),
      resetSeconds,
      retryAfterSeconds: 0,
    }
  }
  await counter.reward(`${key}:${win}`, 1)
  // first second at which one more request fits, counting what is already in the window
  let wait = 1
  for (; wait < (2 * WINDOW_MS) / 1000; wait++) {
    const t = elapsed + wait / (WINDOW_MS / 1000)
    const e = t < 1 ? previous * (1 - t) + current : (current - 1) * (2 - t) + 1
    if (e <= limit) break
  }
  return {
    allowed: false,
    limit,
    remaining: 0,
    resetSeconds: wait,
    retryAfterSeconds: wait,
  }
}

export function rateLimitKey(req: MedusaRequest): string {
  const auth = (req as any).auth_context
  if (auth?.actor_id && auth.actor_type === "customer")
    return `customer:${auth.actor_id}`
  return `ip:${clientAddress(req as any)}`
}

/** `perMinute` ≤ 0 (or not a number) turns the limit off. */
export function rateLimit(bucket: string, perMinute: number) {
  return async (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    if (!Number.isFinite(perMinute) || perMinute <= 0) return next()
    let d: Decision
    try {
      d = await hit(counterFor(bucket), rateLimitKey(req), perMinute)
    } catch (e) {
      return next(e)
    }
    res.setHeader("RateLimit-Limit", String(d.limit))
    res.setHeader("RateLimit-Remaining", String(d.remaining))
    res.setHeader("RateLimit-Reset", String(d.resetSeconds))
    if (!d.allowed) {
      res.setHeader("Retry-After", String(d.retryAfterSeconds))
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many ${bucket} requests: at most ${perMinute} a minute. Try again in ${d.retryAfterSeconds} s.`,
      })
      return
    }
    next()
  }
}
