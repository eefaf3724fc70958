/**
 * The backend's security headers and request-shape guards, shared by the API
 * middlewares (src/api/middlewares.ts) and the start-up hook that covers what
 * Medusa serves before any API middleware runs: /static files and the admin
 * dashboard at /app (instrumentation.ts).
 */
type Res = {
  setHeader(k: string, v: string): unknown
  removeHeader(k: string): unknown
  getHeader?(k: string): unknown
}

/** JSON answers need nothing; the admin SPA needs its own scripts, inline styles (Medusa UI) and images. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ")
/** Uploaded files: shown as images, never run as a document. */
export const STATIC_CSP = "default-src 'none'; img-src 'self'; sandbox"

export function setSecurityHeaders(
  res: Res,
  path: string,
  nodeEnv = process.env.NODE_ENV
) {
  res.removeHeader("X-Powered-By")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("X-Frame-Options", "DENY")
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin")
  const admin = path === "/app" || path.startsWith("/app/")
  // `medusa develop` serves the dashboard through vite (inline refresh script, HMR socket): no CSP there
  if (!(admin && nodeEnv === "development"))
    res.setHeader(
      "Content-Security-Policy",
      admin ? ADMIN_CSP : path.startsWith("/static") ? STATIC_CSP : API_CSP
    )
  if (nodeEnv === "production")
    res.setHeader(
      "Strict-Transport-Security",
      "max-age=31536000; includeSubDomains"
    )
}

const IMAGE_EXT = /\.(jpe?g|png|webp|gif|avif)$/i
/** /static: anything that is not an image by name downloads instead of rendering on our origin. */
export function setStaticHeaders(res: Res, path: string) {
  if (!IMAGE_EXT.test(path)) res.setHeader("Content-Disposition", "attachment")
}

/** Whether a parsed JSON value nests deeper than `max` levels; iterative, so a 100k-level body cannot overflow the stack. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== "object") return false
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (depth > max) return true
    for (const child of Object.values(v as object))
      if (child !== null && typeof child === "object")
        stack.push([child, depth + 1])
  }
  return false
}
