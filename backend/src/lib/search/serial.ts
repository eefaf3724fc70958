/**
 * Runs async jobs one after another. Index updates come in bursts (a seed
 * emits an event per variant and per stock level); building their documents
 * side by side starved the database pool, so this process builds one batch at
 * a time.
 */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job)
    tail = run.catch(() => undefined)
    return run
  }
}
