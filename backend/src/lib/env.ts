/**
 * Turns the process environment into the values medusa-config needs.
 * Production refuses to start on dev-default secrets: a leaked "supersecret"
 * signs every admin and customer token, so it must never reach a real store.
 */
export const DEV_SECRET = "curatorai-dev-only-secret"

export type SecretEnv = {
  NODE_ENV?: string
  JWT_SECRET?: string
  COOKIE_SECRET?: string
}

export function resolveSecrets(env: SecretEnv = process.env) {
  const production = env.NODE_ENV === "production"
  if (production) {
    const weak = (["JWT_SECRET", "COOKIE_SECRET"] as const).filter((k) => {
      const v = env[k]
      return !v || v === "supersecret" || v === DEV_SECRET || v.length < 16
    })
    if (weak.length) {
      throw new Error(
        `Refusing to start with NODE_ENV=production: ${weak.join(" and ")} ` +
          `${weak.length > 1 ? "are" : "is"} missing or weak. Set ${weak.join(", ")} ` +
          `to random values of at least 16 characters (e.g. \`openssl rand -hex 32\`).`
      )
    }
  }
  return {
    jwtSecret: env.JWT_SECRET || DEV_SECRET,
    cookieSecret: env.COOKIE_SECRET || DEV_SECRET,
  }
}
