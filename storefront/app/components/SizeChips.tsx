export function SizeChips({ sizes }: { sizes: string[] }) {
  if (!sizes.length) return null
  return (
    <ul className="size-chips" aria-label="Available sizes">
      {sizes.map((s) => (
        <li key={s} className="chip" data-testid="size-chip">
          {s}
        </li>
      ))}
    </ul>
  )
}
