import { formatMoney } from "~/lib/format"

export function Price({
  amount,
  currencyCode,
  className,
}: {
  amount: number | null | undefined
  currencyCode: string | null | undefined
  className?: string
}) {
  const text = formatMoney(amount, currencyCode)
  if (!text) return <span className={className}>Unavailable</span>
  return (
    <span className={className} data-testid="price">
      {text}
    </span>
  )
}
