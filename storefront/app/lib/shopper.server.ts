import { AsyncLocalStorage } from "node:async_hooks"
import { createHmac } from "node:crypto"
import net from "node:net"
import { env } from "./env.server"

/**
 * The shopper behind the request being served, so every backend call can say
 * who it is for: the backend's rate limits count per shopper, not per
 * storefront. server.mjs runs each request inside `run()` with the socket's
 * address and X-Forwarded-For (a global slot, because server.mjs and the app
 * build are separate bundles). Under `remix vite:dev` nothing is set and the
 * backend sees the storefront's own address.
 */
type Shopper = { peer?: string; forwardedFor?: string | string[] }
const KEY = Symbol.for("curatorai.shopper")
const store: AsyncLocalStorage<Shopper> = ((globalThis as any)[KEY] ??=
  new AsyncLocalStorage<Shopper>())

const normalize = (ip: string | undefined) => {
  const v = String(ip ?? "").trim()
  return v.startsWith("::ffff:") && net.isIPv4(v.slice(7)) ? v.slice(7) : v
}

const trusted = (() => {
  const list = new net.BlockList()
  for (const raw of env.TRUSTED_PROXIES.split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, bits] = raw.split("/")
    const ip = normalize(addr)
    const type = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : null
    if (!type)
      throw new Error(
        `TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range`
      )
    list.addSubnet(
      ip,
      bits === undefined ? (type === "ipv4" ? 32 : 128) : Number(bits),
      type
    )
  }
  return list
})()
const isTrusted = (ip: string) =>
  net.isIP(ip) !== 0 && trusted.check(ip, net.isIPv4(ip) ? "ipv4" : "ipv6")

/** The shopper's address: the socket's, or X-Forwarded-For walked right to left past TRUSTED_PROXIES. */
export function shopperAddress(
  s: Shopper | undefined = store.getStore()
): string | null {
  let ip = normalize(s?.peer)
  if (!ip) return null
  if (isTrusted(ip)) {
    const hops = [s?.forwardedFor]
      .flat()
      .filter(Boolean)
      .join(",")
      .split(",")
      .map(normalize)
      .filter(Boolean)
    for (let i = hops.length - 1; i >= 0; i--) {
      ip = hops[i]
      if (!isTrusted(ip)) break
    }
  }
  return net.isIP(ip) ? ip : null
}

/** `x-curator-client-ip` and its HMAC signature (see backend/src/lib/client-address.ts), or nothing. */
export function shopperHeaders(): Record<string, string> {
  const ip = shopperAddress()
  if (!ip) return {}
  const minute = Math.floor(Date.now() / 60000)
  return {
    "x-curator-client-ip": ip,
    "x-curator-client-sig": createHmac("sha256", env.CURATOR_FORWARD_SECRET)
      .update(`${ip}|${minute}`)
      .digest("hex"),
  }
}

/**
 * An object whose enumerable properties are the current request's shopper
 * headers, read afresh on every access: the js-sdk copies `globalHeaders`
 * with Object.assign on each call, so one shared sdk stays per-shopper.
 */
export const shopperHeadersObject: Record<string, string> = new Proxy(
  {} as Record<string, string>,
  {
    ownKeys: () => Object.keys(shopperHeaders()),
    getOwnPropertyDescriptor: (_t, k) => {
      const h = shopperHeaders()
      return typeof k === "string" && k in h
        ? { value: h[k], enumerable: true, configurable: true, writable: false }
        : undefined
    },
    get: (_t, k) => (typeof k === "string" ? shopperHeaders()[k] : undefined),
  }
)
