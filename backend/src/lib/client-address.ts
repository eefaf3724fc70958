import { createHmac, timingSafeEqual } from "node:crypto"
import net from "node:net"
import { resolveForwardSecret } from "./env"

/**
 * Who is on the other end of a request, for per-client limits. Express's
 * `req.ip` is not used: Medusa sets `trust proxy` to 1, so it is whatever a
 * client writes last in X-Forwarded-For.
 *
 * 1. The socket's address.
 * 2. If that peer is a trusted proxy (TRUSTED_PROXIES: comma list of IPs or
 *    CIDRs, default none), X-Forwarded-For walked right to left, skipping
 *    trusted proxies: the first untrusted hop is the client.
 * 3. If the request carries the storefront's signed shopper address
 *    (`x-curator-client-ip` + `x-curator-client-sig` = hex HMAC-SHA256 of
 *    `ip|unix-minute` with CURATOR_FORWARD_SECRET, this or the previous
 *    minute), that address. A bad or missing signature is ignored.
 */
export const CLIENT_IP_HEADER = "x-curator-client-ip"
export const CLIENT_SIG_HEADER = "x-curator-client-sig"

export function normalizeIp(ip: string | undefined | null): string {
  const v = String(ip ?? "").trim()
  return v.startsWith("::ffff:") && net.isIPv4(v.slice(7)) ? v.slice(7) : v
}

/** Parses TRUSTED_PROXIES; an entry that is neither an IP nor a CIDR stops the start with its name. */
export function parseTrustedProxies(spec: string | undefined): net.BlockList {
  const list = new net.BlockList()
  for (const raw of (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, bits] = raw.split("/")
    const ip = normalizeIp(addr)
    const type = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : null
    const prefix =
      bits === undefined ? (type === "ipv4" ? 32 : 128) : Number(bits)
    if (
      !type ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > (type === "ipv4" ? 32 : 128)
    ) {
      throw new Error(
        `TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range`
      )
    }
    list.addSubnet(ip, prefix, type)
  }
  return list
}

function isTrusted(list: net.BlockList, ip: string) {
  const type = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : null
  return !!type && list.check(ip, type)
}

export function signClientAddress(
  secret: string,
  ip: string,
  minute = Math.floor(Date.now() / 60000)
): string {
  return createHmac("sha256", secret).update(`${ip}|${minute}`).digest("hex")
}

function validSignature(secret: string, ip: string, sig: string): boolean {
  const now = Math.floor(Date.now() / 60000)
  const given = Buffer.from(sig, "utf8")
  return [now, now - 1, now + 1].some((m) => {
    const want = Buffer.from(signClientAddress(secret, ip, m), "utf8")
    return want.length === given.length && timingSafeEqual(want, given)
  })
}

type Req = {
  socket?: { remoteAddress?: string }
  headers: Record<string, string | string[] | undefined>
}
const one = (v: string | string[] | undefined) =>
  Array.isArray(v) ? v[v.length - 1] : v

let defaults: { trusted: net.BlockList; secret: string } | undefined
function env() {
  return (defaults ??= {
    trusted: parseTrustedProxies(process.env.TRUSTED_PROXIES),
    secret: resolveForwardSecret(process.env),
  })
}

export function clientAddress(
  req: Req,
  opts: { trusted?: net.BlockList; secret?: string } = {}
): string {
  const trusted = opts.trusted ?? env().trusted
  const secret = opts.secret ?? env().secret
  let ip = normalizeIp(req.socket?.remoteAddress) || "unknown"
  if (isTrusted(trusted, ip)) {
    const hops = String(
      [req.headers["x-forwarded-for"]].flat().filter(Boolean).join(",")
    )
      .split(",")
      .map(normalizeIp)
      .filter(Boolean)
    for (let i = hops.length - 1; i >= 0; i--) {
      ip = hops[i]
      if (!isTrusted(trusted, ip)) break
    }
  }
  const claimed = normalizeIp(one(req.headers[CLIENT_IP_HEADER]))
  const sig = one(req.headers[CLIENT_SIG_HEADER])
  if (
    claimed &&
    sig &&
    net.isIP(claimed) &&
    validSignature(secret, claimed, sig)
  )
    return claimed
  return ip
}
