import net from "node:net"
import Redis from "ioredis"
import { RateLimiterMemory } from "rate-limiter-flexible"
import { createCounter, hit } from "../rate-limit"

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379"

function redisReachable(url: string) {
  const u = new URL(url)
  return new Promise<boolean>((resolve) => {
    const s = net.connect(Number(u.port || 6379), u.hostname)
    s.setTimeout(1000)
    s.once("connect", () => {
      s.end()
      resolve(true)
    })
    s.once("error", () => resolve(false))
    s.once("timeout", () => {
      s.destroy()
      resolve(false)
    })
  })
}

describe("rate limit (sliding window)", () => {
  it("refuses the request over the limit, does not count it, and says when to retry", async () => {
    const c = new RateLimiterMemory({
      keyPrefix: "t1",
      points: Number.MAX_SAFE_INTEGER,
      duration: 120,
    })
    const t0 = 60_000 * 1000 + 10_000 // 10 s into a window
    for (let i = 0; i < 3; i++)
      expect((await hit(c, "k", 3, t0)).allowed).toBe(true)
    const over = await hit(c, "k", 3, t0)
    expect(over).toMatchObject({ allowed: false, remaining: 0 })
    expect(over.retryAfterSeconds).toBeGreaterThan(0)
    expect((await c.get(`k:${Math.floor(t0 / 60000)}`))!.consumedPoints).toBe(3)
    // last minute's requests still weigh on the first part of the next one (not a fixed window)
    expect((await hit(c, "k", 3, t0 + 60_000)).allowed).toBe(false)
    expect((await hit(c, "k", 3, t0 + 110_000)).allowed).toBe(true)
  })

  it("shares one bucket between two backend instances through Redis", async () => {
    if (!(await redisReachable(REDIS_URL))) {
      if (process.env.CI) throw new Error(`CI needs Redis at ${REDIS_URL}`)
      console.warn(`SKIPPED: no Redis at ${REDIS_URL}`)
      return
    }
    const a = new Redis(REDIS_URL),
      b = new Redis(REDIS_URL)
    try {
      const bucket = `test-${process.pid}-${Date.now()}`
      // two instances = two clients and two counters built the way each process builds its own
      const one = createCounter(bucket, REDIS_URL, a),
        two = createCounter(bucket, REDIS_URL, b)
      expect((await hit(one, "ip:198.51.100.1", 4)).allowed).toBe(true)
      expect((await hit(two, "ip:198.51.100.1", 4)).allowed).toBe(true)
      expect((await hit(one, "ip:198.51.100.1", 4)).allowed).toBe(true)
      const fourth = await hit(two, "ip:198.51.100.1", 4)
      expect(fourth).toMatchObject({ allowed: true, remaining: 0 })
      expect((await hit(one, "ip:198.51.100.1", 4)).allowed).toBe(false)
      // another client is not affected
      expect((await hit(two, "ip:198.51.100.2", 4)).allowed).toBe(true)
    } finally {
      a.disconnect()
      b.disconnect()
    }
  })
})
