import { Form } from "@remix-run/react"

/**
 * "Report" as a disclosure with a reason field: a plain form post to the feed
 * action (no JavaScript needed), for a post, a comment or a profile.
 */
export function ReportDialog({
  label,
  fields,
  redirectTo,
  testId,
}: {
  label: string
  fields: Record<string, string>
  redirectTo: string
  testId?: string
}) {
  const id = `report-${Object.values(fields).join("-")}`
  return (
    <details className="report" data-testid={testId}>
      <summary>{label}</summary>
      <Form method="post" action="/api/feed">
        {Object.entries(fields).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="redirect_to" value={redirectTo} />
        <label htmlFor={id}>Why?</label>
        <input id={id} name="reason" required maxLength={500} />
        <button type="submit" className="button button--small button--ghost">
          Report
        </button>
      </Form>
    </details>
  )
}
