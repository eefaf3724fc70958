import {
  clientAddress,
  parseTrustedProxies,
  signClientAddress,
} from "../client-address"

const SECRET = "s".repeat(32)
const req = (peer: string, headers: Record<string, string> = {}) => ({
  socket: { remoteAddress: peer },
  headers,
})

describe("clientAddress", () => {
  const none = parseTrustedProxies("")
  const lb = parseTrustedProxies("10.0.0.0/8, 192.168.1.5")

  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(
      clientAddress(
        req("::ffff:203.0.113.7", { "x-forwarded-for": "1.2.3.4" }),
        { trusted: none, secret: SECRET }
      )
    ).toBe("203.0.113.7")
  })

  it("walks X-Forwarded-For right to left past trusted proxies only", () => {
    const r = req("10.1.2.3", {
      "x-forwarded-for": "6.6.6.6, 198.51.100.9, 192.168.1.5, 10.9.9.9",
    })
    // 6.6.6.6 was written by the client itself: only the first untrusted hop counts
    expect(clientAddress(r, { trusted: lb, secret: SECRET })).toBe(
      "198.51.100.9"
    )
    // an untrusted peer's X-Forwarded-For is not read at all
    expect(
      clientAddress(req("203.0.113.7", { "x-forwarded-for": "6.6.6.6" }), {
        trusted: lb,
        secret: SECRET,
      })
    ).toBe("203.0.113.7")
  })

  it("takes the storefront's signed shopper address and ignores a forged or stale signature", () => {
    const ip = "198.51.100.23"
    const ok = req("127.0.0.1", {
      "x-curator-client-ip": ip,
      "x-curator-client-sig": signClientAddress(SECRET, ip),
    })
    expect(clientAddress(ok, { trusted: none, secret: SECRET })).toBe(ip)
    const forged = req("127.0.0.1", {
      "x-curator-client-ip": ip,
      "x-curator-client-sig": signClientAddress(
        "wrong-secret-wrong-secret",
        ip
      ),
    })
    expect(clientAddress(forged, { trusted: none, secret: SECRET })).toBe(
      "127.0.0.1"
    )
    const stale = req("127.0.0.1", {
      "x-curator-client-ip": ip,
      "x-curator-client-sig": signClientAddress(
        SECRET,
        ip,
        Math.floor(Date.now() / 60000) - 5
      ),
    })
    expect(clientAddress(stale, { trusted: none, secret: SECRET })).toBe(
      "127.0.0.1"
    )
  })

  it("refuses a TRUSTED_PROXIES entry that is not an address, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8,proxy.local")).toThrow(
      /"proxy\.local" is not an IP address or CIDR range/
    )
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/)
  })
})
