import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa.server"

/*
 * SECURITY: the server-side sdk instance is shared by every shopper, so we never call
 * sdk.auth.login/register (they store the token inside the instance). Each call passes
 * the customer's token explicitly; the token itself lives in the signed session cookie.
 */

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export class AuthError extends Error {}

function statusOf(e: unknown) {
  return (e as { status?: number }).status
}

/** Email + password → a customer JWT. Throws AuthError with a shopper-friendly message. */
export async function loginCustomer(
  email: string,
  password: string
): Promise<string> {
  try {
    const { token } = await sdk.client.fetch<{ token: string }>(
      "/auth/customer/emailpass",
      {
        method: "POST",
        body: { email, password },
      }
    )
    return token
  } catch (e) {
    const status = statusOf(e)
    if (status === 401 || status === 400)
      throw new AuthError("That email and password do not match an account.")
    throw new AuthError("We could not log you in right now. Please try again.")
  }
}

/** Creates the auth identity and the customer, then logs in. Returns the customer JWT. */
export async function registerCustomer(input: {
  email: string
  password: string
  first_name: string
  last_name: string
}) {
  let registrationToken: string
  try {
    ;({ token: registrationToken } = await sdk.client.fetch<{ token: string }>(
      "/auth/customer/emailpass/register",
      {
        method: "POST",
        body: { email: input.email, password: input.password },
      }
    ))
  } catch (e) {
    const message = e instanceof Error ? e.message : ""
    if (/exists/i.test(message))
      throw new AuthError(
        "An account with this email already exists. Log in instead."
      )
    throw new AuthError(
      message || "We could not create your account. Please try again."
    )
  }
  try {
    await sdk.client.fetch("/store/customers", {
      method: "POST",
      body: {
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
      },
      headers: bearer(registrationToken),
    })
  } catch (e) {
    throw new AuthError(
      e instanceof Error
        ? e.message
        : "We could not create your account. Please try again."
    )
  }
  return loginCustomer(input.email, input.password)
}

/** The logged-in customer, or null when the token is missing, expired or revoked. Never throws. */
export async function getCustomer(
  token: string | null
): Promise<HttpTypes.StoreCustomer | null> {
  if (!token) return null
  try {
    const { customer } = await sdk.client.fetch<{
      customer: HttpTypes.StoreCustomer
    }>("/store/customers/me", {
      headers: bearer(token),
    })
    return customer
  } catch {
    return null
  }
}

/** The customer's orders, newest first. */
export async function listCustomerOrders(token: string, limit = 20) {
  const { orders, count } = await sdk.client.fetch<{
    orders: HttpTypes.StoreOrder[]
    count: number
  }>("/store/orders", {
    query: {
      limit,
      order: "-created_at",
      fields: "id,display_id,created_at,status,total,currency_code,*items",
    },
    headers: bearer(token),
  })
  return { orders, count }
}

/** Attaches the open cart to the customer after login (optional; failure is harmless). */
export async function transferCart(cartId: string, token: string) {
  try {
    await sdk.client.fetch(`/store/carts/${cartId}/customer`, {
      method: "POST",
      headers: bearer(token),
    })
  } catch {
    /* the cart stays a guest cart */
  }
}
