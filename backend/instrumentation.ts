import express from "express"
import { setSecurityHeaders, setStaticHeaders } from "./src/lib/http-security"

/**
 * Medusa's start-up hook (`medusa start`/`develop` import this file before the
 * server is built). Not tracing: it is the one place early enough to secure
 * what Medusa serves before any API middleware runs — uploaded files under
 * /static and the admin dashboard under /app — and to turn off Express's
 * `X-Powered-By` for every response. The API routes get the same headers from
 * src/api/middlewares.ts (in-process tests do not run this file).
 */
export function register() {
  const proto = (express as any).application
  if (proto.__curatorSecured) return
  proto.__curatorSecured = true
  const init = proto.init
  proto.init = function (this: any, ...args: unknown[]) {
    const out = init.apply(this, args)
    this.disable("x-powered-by")
    // first in the chain, before Medusa's compression, session and /static
    this.use((req: any, res: any, next: () => void) => {
      setSecurityHeaders(res, req.path)
      if (req.path.startsWith("/static/")) setStaticHeaders(res, req.path)
      next()
    })
    return out
  }
}
