import { env } from "./env.server"

/**
 * The storefront's security headers. The CSP allows scripts from our origin
 * and inline scripts carrying this request's nonce (Remix's hydration and
 * streaming scripts), images from our origin and the backend's (product and
 * look photos are served from its /static), forms posting to ourselves only,
 * and no framing. Inline `style="…"` attributes are allowed (hotspot
 * positions), `<style>` elements are not.
 */
export function securityHeaders(nonce: string | null): Record<string, string> {
  const backend = new URL(env.MEDUSA_BACKEND_URL).origin
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  }
  // vite's dev server injects unsigned scripts and a websocket: no CSP there
  if (nonce !== null && env.NODE_ENV !== "development") {
    headers["Content-Security-Policy"] = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      `style-src 'self' 'nonce-${nonce}'`,
      "style-src-attr 'unsafe-inline'",
      `img-src 'self' data: blob: ${backend}`,
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; ")
  }
  if (env.NODE_ENV === "production")
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
  return headers
}
