import { DEV_SECRET, resolveSecrets } from "../env"

describe("resolveSecrets", () => {
  it("uses the dev secret outside production", () => {
    expect(resolveSecrets({ NODE_ENV: "development" })).toEqual({ jwtSecret: DEV_SECRET, cookieSecret: DEV_SECRET })
  })
  it("throws in production when a secret is missing, short, the dev default or 'supersecret'", () => {
    const good = "x".repeat(32)
    for (const bad of [undefined, "", "short", "supersecret", DEV_SECRET]) {
      expect(() => resolveSecrets({ NODE_ENV: "production", JWT_SECRET: bad, COOKIE_SECRET: good })).toThrow(/JWT_SECRET is missing or weak/)
      expect(() => resolveSecrets({ NODE_ENV: "production", JWT_SECRET: good, COOKIE_SECRET: bad })).toThrow(/COOKIE_SECRET is missing or weak/)
    }
  })
  it("accepts strong secrets in production", () => {
    expect(resolveSecrets({ NODE_ENV: "production", JWT_SECRET: "j".repeat(32), COOKIE_SECRET: "c".repeat(32) })).toEqual({ jwtSecret: "j".repeat(32), cookieSecret: "c".repeat(32) })
  })
})
