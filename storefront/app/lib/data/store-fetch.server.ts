import { env } from "../env.server"
import { shopperHeaders } from "../shopper.server"

/**
 * A raw call to the store API with the publishable key, for the two cases the
 * js-sdk cannot serve: multipart bodies (FormData) and error bodies we must read
 * (the sdk's FetchError keeps only `message`, e.g. it drops the 409 item list).
 * Resolves with status and parsed JSON body; rejects only on network failure.
 */
export async function storeRequest<T = unknown>(
  path: string,
  init: {
    method?: string
    query?: Record<string, string | number | undefined>
    json?: unknown
    body?: FormData
    timeoutMs?: number
    token?: string | null
  } = {}
): Promise<{ status: number; body: T }> {
  const url = new URL(path, env.MEDUSA_BACKEND_URL)
  for (const [k, v] of Object.entries(init.query ?? {}))
    if (v !== undefined && v !== "") url.searchParams.set(k, String(v))
  const headers: Record<string, string> = {
    "x-publishable-api-key": env.MEDUSA_PUBLISHABLE_KEY,
    accept: "application/json",
    ...shopperHeaders(),
  }
  if (init.token) headers.authorization = `Bearer ${init.token}`
  let body: BodyInit | undefined = init.body
  if (init.json !== undefined) {
    headers["content-type"] = "application/json"
    body = JSON.stringify(init.json)
  }
  const res = await fetch(url, {
    method: init.method ?? (body ? "POST" : "GET"),
    headers,
    body,
    signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
  })
  const parsed = (await res.json().catch(() => ({}))) as T
  return { status: res.status, body: parsed }
}
