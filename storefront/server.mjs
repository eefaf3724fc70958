// The storefront's production server: remix-serve's setup (compression, static
// assets, request log) plus one thing it cannot do: run every request inside
// the shopper context (app/lib/shopper.server.ts) with the socket's address,
// so backend calls carry the shopper's signed address.
//   node server.mjs [build/server/index.js]   (PORT, HOST)
import { AsyncLocalStorage } from "node:async_hooks"
import path from "node:path"
import url from "node:url"
import { createRequestHandler } from "@remix-run/express"
import { installGlobals } from "@remix-run/node"
import compression from "compression"
import express from "express"
import morgan from "morgan"

process.env.NODE_ENV = process.env.NODE_ENV ?? "production"
const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js")
const build = await import(url.pathToFileURL(buildPath).href)
installGlobals({ nativeFetch: build.future.v3_singleFetch })

const shopper = (globalThis[Symbol.for("curatorai.shopper")] ??=
  new AsyncLocalStorage())
const handler = createRequestHandler({ build, mode: process.env.NODE_ENV })

const app = express()
app.disable("x-powered-by")
app.use(compression())
// documents get the full set (CSP with a nonce) from app/entry.server.tsx; files get nosniff
const nosniff = (res) => res.setHeader("X-Content-Type-Options", "nosniff")
app.use(
  build.publicPath,
  express.static(build.assetsBuildDirectory, {
    immutable: true,
    maxAge: "1y",
    setHeaders: nosniff,
  })
)
app.use(express.static("public", { maxAge: "1h", setHeaders: nosniff }))
app.use(morgan("tiny"))
app.all("*", (req, res, next) =>
  shopper.run(
    {
      peer: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
    },
    () => handler(req, res, next)
  )
)

const port = Number(process.env.PORT || 3000)
const server = process.env.HOST
  ? app.listen(port, process.env.HOST, onListen)
  : app.listen(port, onListen)
function onListen() {
  console.log(`[storefront] http://localhost:${port}`)
}
for (const signal of ["SIGTERM", "SIGINT"])
  process.once(signal, () => server.close(() => process.exit(0)))
