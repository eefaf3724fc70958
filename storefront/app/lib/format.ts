/** Formats an amount in MAJOR units (Medusa v2: 29.99 means €29.99) in the given currency. */
export function formatMoney(
  amount: number | null | undefined,
  currencyCode: string | null | undefined,
  locale = "en"
) {
  if (amount == null || !currencyCode) return ""
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount)
}
