import type {
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node"
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
} from "@remix-run/react"
import type { ReactNode } from "react"
import { Header } from "~/components/Header"
import { assertEnv } from "~/lib/env.server"
import { useNonce } from "~/lib/nonce"
import { getRegion } from "~/lib/data/regions.server"
import { listCategories } from "~/lib/data/categories.server"
import { cartCount, getCart } from "~/lib/data/cart.server"
import { getCustomerToken } from "~/lib/session.server"
import { unreadCount } from "~/lib/data/social.server"
import styles from "./styles.css?url"

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }]

export const meta: MetaFunction = () => [
  { title: "CuratorAI — fashion, curated" },
  { name: "description", content: "An AI-curated fashion store." },
]

export async function loader({ request }: LoaderFunctionArgs) {
  assertEnv()
  const [{ region, regions }, categories, cart, customerToken] =
    await Promise.all([
      getRegion(request),
      listCategories(),
      getCart(request),
      getCustomerToken(request),
    ])
  return {
    region: {
      id: region.id,
      name: region.name,
      currency_code: region.currency_code,
    },
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      currency_code: r.currency_code,
      countries: (r.countries ?? []).map((c) => c.iso_2 ?? "").filter(Boolean),
    })),
    nav: categories.tree.map((c) => ({ id: c.id, name: c.name })),
    cartCount: cartCount(cart),
    // Only whether a session exists. /account checks the token.
    loggedIn: !!customerToken,
    // the bell: one small call per page view, only for logged-in shoppers; 0 on any failure
    unread: await unreadCount(customerToken),
  }
}

export function Layout({ children }: { children: ReactNode }) {
  // the inline scripts Remix writes carry this request's CSP nonce (entry.server.tsx)
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const data = useLoaderData<typeof loader>()
  return (
    <>
      <Header
        regions={data.regions}
        regionId={data.region.id}
        nav={data.nav}
        cartCount={data.cartCount}
        loggedIn={data.loggedIn}
        unread={data.unread}
      />
      <main id="main" className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          CuratorAI demo store · prices in{" "}
          {data.region.currency_code.toUpperCase()} ({data.region.name})
        </p>
      </footer>
    </>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  let title = "Something went wrong"
  let message = "An unexpected error occurred. Please try again."
  if (isRouteErrorResponse(error)) {
    title =
      error.status === 404
        ? "Page not found"
        : `${error.status} ${error.statusText || "Error"}`
    message =
      error.status === 404
        ? "We could not find what you were looking for."
        : typeof error.data === "string" && error.data
          ? error.data
          : message
  } else if (error instanceof Error && import.meta.env.DEV) {
    message = error.message
  }
  return (
    <main id="main" className="container error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </main>
  )
}
