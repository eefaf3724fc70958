/**
 * Where a request spent its time, by phase, for the `Server-Timing` response
 * header (browsers' dev tools and the benchmark read it).
 */
export class Timings {
  private readonly spent = new Map<string, number>()

  async time<T>(phase: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now()
    try {
      return await fn()
    } finally {
      this.add(phase, performance.now() - t0)
    }
  }

  add(phase: string, ms: number) {
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + ms)
  }

  /**
   * Sets `Server-Timing` only in development (or with CURATOR_SERVER_TIMING=true,
   * which the benchmark sets): elsewhere it would show anyone our internal stages.
   */
  send(res: { setHeader(k: string, v: string): unknown }) {
    if (
      process.env.NODE_ENV === "development" ||
      process.env.CURATOR_SERVER_TIMING === "true"
    )
      res.setHeader("Server-Timing", this.header())
  }

  header(): string {
    return [...this.spent]
      .map(([k, ms]) => `${k};dur=${ms.toFixed(1)}`)
      .join(", ")
  }
}
