import { z } from "zod"

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MEDUSA_BACKEND_URL: z.string().url().default("http://localhost:9000"),
  MEDUSA_PUBLISHABLE_KEY: z
    .string({ required_error: "MEDUSA_PUBLISHABLE_KEY is not set" })
    .min(1, "MEDUSA_PUBLISHABLE_KEY is empty"),
  /** Signs the session cookie (customer token, flash messages). Required in production. */
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").optional(),
  /** Show "Sign in with Google": set when the backend has GOOGLE_CLIENT_ID/GOOGLE_CLIENT_SECRET. */
  GOOGLE_AUTH_ENABLED: z.enum(["true", "false", "1", "0", ""]).optional().transform((v) => v === "true" || v === "1"),
}).refine((e) => e.NODE_ENV !== "production" || !!e.SESSION_SECRET, {
  path: ["SESSION_SECRET"],
  message: "SESSION_SECRET is required in production",
})

export type Env = z.infer<typeof EnvSchema>

const parsed = EnvSchema.safeParse(process.env)

/**
 * Why the environment is unusable, or null. We do not throw at import time:
 * a crash here would take the whole server down with a stack trace, while the
 * root loader can turn it into a readable error page (see `assertEnv`).
 */
export const envProblem: string | null = parsed.success
  ? null
  : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")

export const env: Env = parsed.success
  ? parsed.data
  : {
      NODE_ENV: "development",
      MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
      MEDUSA_PUBLISHABLE_KEY: "",
      SESSION_SECRET: undefined,
      GOOGLE_AUTH_ENABLED: false,
    }

/** Throws a 500 Response the root ErrorBoundary renders when env is invalid. */
export function assertEnv() {
  if (envProblem) {
    throw new Response(
      `The storefront is not configured: ${envProblem}. Set it in the environment (see the backend output for the publishable key) and restart.`,
      { status: 500, statusText: "Storefront misconfigured" },
    )
  }
}
