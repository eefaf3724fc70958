/**
 * Turns the process environment into the values medusa-config needs.
 * Anywhere but a developer's machine the process refuses to start on
 * dev-default, short or well-known secrets: a leaked "supersecret" signs every
 * admin and customer token, so it must never reach a real store.
 */
export const DEV_SECRET = "curatorai-dev-only-secret"
/** Shared with the storefront's dev default (storefront/app/lib/env.server.ts). */
export const DEV_FORWARD_SECRET = "curatorai-dev-only-forward-secret"

export type SecretEnv = {
  NODE_ENV?: string
  DATABASE_URL?: string
  JWT_SECRET?: string
  COOKIE_SECRET?: string
  CURATOR_FORWARD_SECRET?: string
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"])

/**
 * Dev defaults are allowed only on a developer's machine: NODE_ENV is
 * `development` or `test`, or NODE_ENV is unset and the database is local
 * (DATABASE_URL unset, or its host is localhost/127.0.0.1/::1). Every other
 * NODE_ENV (`production`, `prod`, `staging`, typos…) needs real secrets.
 * Note: the `medusa` CLI itself sets NODE_ENV=development when it is unset.
 */
export function devSecretsAllowed(env: SecretEnv = process.env): boolean {
  if (env.NODE_ENV === "development" || env.NODE_ENV === "test") return true
  if (env.NODE_ENV) return false
  if (!env.DATABASE_URL) return true
  try {
    return LOCAL_HOSTS.has(new URL(env.DATABASE_URL).hostname)
  } catch {
    return false
  }
}

const weak = (v: string | undefined) =>
  !v ||
  v === "supersecret" ||
  v === DEV_SECRET ||
  v === DEV_FORWARD_SECRET ||
  v.length < 16

function refuse(env: SecretEnv, names: string[]): never {
  throw new Error(
    `Refusing to start with NODE_ENV=${env.NODE_ENV ?? "(unset) and a non-local DATABASE_URL"}: ${names.join(" and ")} ` +
      `${names.length > 1 ? "are" : "is"} missing or weak. Set ${names.join(", ")} ` +
      `to random values of at least 16 characters (e.g. \`openssl rand -hex 32\`).`
  )
}

export function resolveSecrets(env: SecretEnv = process.env) {
  if (!devSecretsAllowed(env)) {
    const bad = (["JWT_SECRET", "COOKIE_SECRET"] as const).filter((k) =>
      weak(env[k])
    )
    if (bad.length) refuse(env, [...bad])
  }
  return {
    jwtSecret: env.JWT_SECRET || DEV_SECRET,
    cookieSecret: env.COOKIE_SECRET || DEV_SECRET,
  }
}

/**
 * The key the storefront signs the shopper's address with (see
 * lib/client-address.ts). Same rule as the other secrets.
 */
export function resolveForwardSecret(env: SecretEnv = process.env): string {
  if (!devSecretsAllowed(env) && weak(env.CURATOR_FORWARD_SECRET))
    refuse(env, ["CURATOR_FORWARD_SECRET"])
  return env.CURATOR_FORWARD_SECRET || DEV_FORWARD_SECRET
}
