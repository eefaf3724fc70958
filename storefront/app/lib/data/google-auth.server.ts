import { sdk } from "../medusa.server"

/*
 * Sign in with Google through Medusa's auth-google provider. Like the email
 * login (customers.server.ts) this never uses sdk.auth.login/callback: they
 * keep the token inside the sdk instance every shopper shares. Tokens go back
 * to the caller, which puts them in the shopper's session cookie.
 */

export class GoogleAuthError extends Error {}

/** Where to send the shopper to sign in with Google, and the state Medusa issued for it. */
export async function startGoogleLogin(): Promise<{
  location: string
  state: string
}> {
  const { location } = await sdk.client.fetch<{ location?: string }>(
    "/auth/customer/google",
    { method: "POST", body: {} }
  )
  if (!location)
    throw new GoogleAuthError("Sign in with Google is not available")
  const state = new URL(location).searchParams.get("state")
  if (!state) throw new GoogleAuthError("Sign in with Google is not available")
  return { location, state }
}

/**
 * Completes the sign-in: Medusa checks the state and exchanges the code; the
 * Google identity is then linked to the account with the same verified email
 * (or a customer is created), and the token refreshed so it names the customer.
 */
export async function finishGoogleLogin(query: {
  code: string
  state: string
}): Promise<{ token: string; created: boolean; passwordRemoved: boolean }> {
  let googleToken: string
  try {
    ;({ token: googleToken } = await sdk.client.fetch<{ token: string }>(
      "/auth/customer/google/callback",
      { query }
    ))
  } catch {
    throw new GoogleAuthError(
      "Google sign-in could not be completed. Please try again."
    )
  }
  const headers = { authorization: `Bearer ${googleToken}` }
  const { outcome, password_removed } = await sdk.client.fetch<{
    customer_id: string
    outcome: "linked" | "created"
    password_removed?: boolean
  }>("/store/auth/google/link", { method: "POST", body: {}, headers })
  const { token } = await sdk.client.fetch<{ token: string }>(
    "/auth/token/refresh",
    { method: "POST", headers }
  )
  return {
    token,
    created: outcome === "created",
    passwordRemoved: !!password_removed,
  }
}
