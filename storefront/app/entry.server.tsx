import { randomBytes } from "node:crypto"
import { PassThrough } from "node:stream"
import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node"
import { createReadableStreamFromReadable } from "@remix-run/node"
import { RemixServer } from "@remix-run/react"
import { isbot } from "isbot"
import { renderToPipeableStream } from "react-dom/server"
import { NonceContext } from "./lib/nonce"
import { securityHeaders } from "./lib/security-headers.server"

const ABORT_DELAY = 5_000

/** Remix's default node entry, plus a per-request CSP nonce and the security headers. */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext
) {
  const nonce = randomBytes(16).toString("base64")
  for (const [k, v] of Object.entries(securityHeaders(nonce)))
    responseHeaders.set(k, v)
  // bots and SPA mode get the whole document at once; browsers get it streamed
  const allAtOnce =
    isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceContext.Provider>,
      {
        nonce,
        [allAtOnce ? "onAllReady" : "onShellReady"]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set("Content-Type", "text/html")
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            })
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      }
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/** Data (single-fetch) responses: the same headers minus the document CSP. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  for (const [k, v] of Object.entries(securityHeaders(null)))
    response.headers.set(k, v)
  return response
}
