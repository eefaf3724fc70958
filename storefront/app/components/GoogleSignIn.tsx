import { Form } from "@remix-run/react"

/** "Sign in with Google" (a plain form post, so it works without JavaScript); rendered only when the store has Google configured. */
export function GoogleSignIn({ enabled }: { enabled: boolean }) {
  if (!enabled) return null
  return (
    <Form method="post" action="/auth/google" reloadDocument>
      <button
        type="submit"
        className="button button--ghost google-button"
        data-testid="google-sign-in"
      >
        Sign in with Google
      </button>
    </Form>
  )
}
