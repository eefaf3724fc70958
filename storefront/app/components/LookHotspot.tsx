import { Link } from "@remix-run/react"
import type { MouseEvent } from "react"

/**
 * A hotspot on a look image, placed at (x, y) as fractions of the image.
 * Without JavaScript it is a link the loader renders open (`?look=&spot=`);
 * with JavaScript `onOpen` opens the card in place.
 */
export function LookHotspot({
  lookId,
  spotId,
  x,
  y,
  title,
  open,
  onOpen,
}: {
  lookId: string
  spotId: string
  x: number
  y: number
  title: string
  open: boolean
  onOpen: () => void
}) {
  const clamp = (n: number) => Math.min(1, Math.max(0, n)) * 100
  return (
    <Link
      to={`?look=${encodeURIComponent(lookId)}&spot=${encodeURIComponent(spotId)}#look-${lookId}`}
      preventScrollReset
      replace
      className={open ? "hotspot hotspot--open" : "hotspot"}
      style={{ left: `${clamp(x)}%`, top: `${clamp(y)}%` }}
      aria-label={title}
      aria-controls={`spot-card-${lookId}`}
      aria-current={open ? "true" : undefined}
      data-testid="hotspot"
      onClick={(e: MouseEvent) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        onOpen()
      }}
    >
      <span aria-hidden="true">+</span>
    </Link>
  )
}
