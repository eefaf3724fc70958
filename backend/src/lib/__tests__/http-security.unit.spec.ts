import { nestedDeeperThan, setSecurityHeaders } from "../http-security"

const deep = (levels: number) => {
  let v: unknown = 1
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v]
  return v
}

describe("nestedDeeperThan", () => {
  it("measures objects and arrays alike, at the limit and one past it", () => {
    expect(nestedDeeperThan(deep(32), 32)).toBe(false)
    expect(nestedDeeperThan(deep(33), 32)).toBe(true)
    expect(nestedDeeperThan({ a: 1, b: [1, 2, { c: null }] }, 32)).toBe(false)
    expect(nestedDeeperThan("text", 0)).toBe(false)
  })
  it("checks a 200,000-level value without overflowing the stack", () => {
    expect(nestedDeeperThan(deep(200_000), 32)).toBe(true)
  })
})

describe("setSecurityHeaders", () => {
  const headers = (path: string, env: string) => {
    const h: Record<string, string> = { "X-Powered-By": "Express" }
    setSecurityHeaders(
      { setHeader: (k, v) => (h[k] = v), removeHeader: (k) => delete h[k] },
      path,
      env
    )
    return h
  }
  it("gives the API a no-content CSP, the dashboard its own, uploaded files a sandbox; HSTS only in production", () => {
    expect(
      headers("/store/products", "test")["Content-Security-Policy"]
    ).toMatch(/^default-src 'none'/)
    expect(headers("/app/orders", "test")["Content-Security-Policy"]).toMatch(
      /script-src 'self'/
    )
    expect(headers("/static/x.svg", "test")["Content-Security-Policy"]).toMatch(
      /sandbox/
    )
    expect(headers("/store/products", "test")["X-Powered-By"]).toBeUndefined()
    expect(
      headers("/store/products", "test")["Strict-Transport-Security"]
    ).toBeUndefined()
    expect(
      headers("/store/products", "production")["Strict-Transport-Security"]
    ).toMatch(/max-age=31536000/)
  })
})
