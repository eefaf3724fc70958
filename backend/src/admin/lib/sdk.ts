import Medusa from "@medusajs/js-sdk"

// The dashboard is served by the backend itself, so the session cookie it
// already holds authenticates these calls.
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
