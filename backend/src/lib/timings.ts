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

  header(): string {
    return [...this.spent].map(([k, ms]) => `${k};dur=${ms.toFixed(1)}`).join(", ")
  }
}
