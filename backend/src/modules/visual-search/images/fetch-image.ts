import { MAX_IMAGE_BYTES } from "./limits"

/** Downloads an image with a size cap and a time limit (indexing product photos). */
export async function fetchImage(
  url: string,
  { maxBytes = MAX_IMAGE_BYTES, timeoutMs = 10000 } = {}
): Promise<Buffer> {
  const res = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    redirect: "follow",
  })
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`)
  const declared = Number(res.headers.get("content-length") || 0)
  if (declared > maxBytes)
    throw new Error(`${url} is ${declared} bytes; the limit is ${maxBytes}`)
  const reader = res.body!.getReader()
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      await reader.cancel()
      throw new Error(`${url} is larger than ${maxBytes} bytes`)
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}
