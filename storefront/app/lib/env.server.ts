import { randomBytes } from "node:crypto"
import { z } from "zod"

/** Dev defaults, used only when NODE_ENV is development or test. */
export const DEV_SESSION_SECRET =
  "curatorai-dev-session-secret-not-for-production"
/** Same value as the backend's dev default (backend/src/lib/env.ts). */
export const DEV_FORWARD_SECRET = "curatorai-dev-only-forward-secret"

const devAllowed = (nodeEnv: string) =>
  nodeEnv === "development" || nodeEnv === "test"
const weak = (v: string | undefined) =>
  !v ||
  v.length < 16 ||
  v === DEV_SESSION_SECRET ||
  v === DEV_FORWARD_SECRET ||
  v === "supersecret"

const EnvSchema = z
  .object({
    // any value: `staging`, `prod`… are treated like production (real secrets, Secure cookies)
    NODE_ENV: z.string().default("development"),
    MEDUSA_BACKEND_URL: z.string().url().default("http://localhost:9000"),
    MEDUSA_PUBLISHABLE_KEY: z
      .string({ required_error: "MEDUSA_PUBLISHABLE_KEY is not set" })
      .min(1, "MEDUSA_PUBLISHABLE_KEY is empty"),
    /** Signs the session cookie (customer token, flash messages). */
    SESSION_SECRET: z.string().optional(),
    /** Signs the shopper's address forwarded to the backend's rate limits; the backend holds the same value. */
    CURATOR_FORWARD_SECRET: z.string().optional(),
    /** Proxies in front of the storefront whose X-Forwarded-For is believed (comma list of IPs/CIDRs). */
    TRUSTED_PROXIES: z.string().default(""),
    /** `Secure` cookies; default on everywhere but development and test. */
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    /** Show "Sign in with Google": set when the backend has GOOGLE_CLIENT_ID/GOOGLE_CLIENT_SECRET. */
    GOOGLE_AUTH_ENABLED: z
      .enum(["true", "false", "1", "0", ""])
      .optional()
      .transform((v) => v === "true" || v === "1"),
  })
  .superRefine((e, ctx) => {
    if (devAllowed(e.NODE_ENV)) return
    for (const k of ["SESSION_SECRET", "CURATOR_FORWARD_SECRET"] as const) {
      if (weak(e[k]))
        ctx.addIssue({
          code: "custom",
          path: [k],
          message: `${k} must be a random value of at least 16 characters with NODE_ENV=${e.NODE_ENV}`,
        })
    }
  })
  .transform((e) => ({
    ...e,
    SESSION_SECRET: e.SESSION_SECRET || DEV_SESSION_SECRET,
    CURATOR_FORWARD_SECRET: e.CURATOR_FORWARD_SECRET || DEV_FORWARD_SECRET,
    cookieSecure: e.COOKIE_SECURE
      ? e.COOKIE_SECURE === "true"
      : !devAllowed(e.NODE_ENV),
  }))

export type Env = z.infer<typeof EnvSchema>

const parsed = EnvSchema.safeParse(process.env)

/**
 * Why the environment is unusable, or null. We do not throw at import time:
 * a crash here would take the whole server down with a stack trace, while the
 * root loader can turn it into a readable error page (see `assertEnv`).
 * Meanwhile nothing is signed with a known secret: the fallback keys are random.
 */
export const envProblem: string | null = parsed.success
  ? null
  : parsed.error.issues
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ")

export const env: Env = parsed.success
  ? parsed.data
  : {
      NODE_ENV: process.env.NODE_ENV || "development",
      MEDUSA_BACKEND_URL:
        process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
      MEDUSA_PUBLISHABLE_KEY: "",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      CURATOR_FORWARD_SECRET: randomBytes(32).toString("hex"),
      TRUSTED_PROXIES: "",
      cookieSecure: true,
      GOOGLE_AUTH_ENABLED: false,
    }

/** Throws a 500 Response the root ErrorBoundary renders when env is invalid. */
export function assertEnv() {
  if (envProblem) {
    throw new Response(
      `The storefront is not configured: ${envProblem}. Set it in the environment (see the backend output for the publishable key) and restart.`,
      { status: 500, statusText: "Storefront misconfigured" }
    )
  }
}
