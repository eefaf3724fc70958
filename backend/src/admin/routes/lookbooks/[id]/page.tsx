import { ArrowDownMini, ArrowUpMini, Trash, XMark } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  IconButton,
  Input,
  Label,
  Switch,
  Text,
  Textarea,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import {
  type Hotspot,
  type Look,
  type Lookbook,
  type LookbookAnalytics,
  useAddLook,
  useLookbook,
  useLookbookAnalytics,
  useLookbookWrite,
  useProductSearch,
} from "../../../hooks/lookbooks"

const toInput = (d: string | null) =>
  d ? new Date(d).toISOString().slice(0, 16) : ""
const toIso = (v: string) => (v ? new Date(v).toISOString() : null)

const LookbookEditPage = () => {
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const { data: lb, error } = useLookbook(id)
  const { data: stats } = useLookbookAnalytics(id)
  const write = useLookbookWrite(id)
  const addLook = useAddLook(id)

  if (error) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{error.message}</Text>
      </Container>
    )
  }
  if (!lb) {
    return (
      <Container>
        <Text>Loading…</Text>
      </Container>
    )
  }

  const deleteLookbook = async () => {
    const confirmed = await prompt({
      title: "Delete this lookbook?",
      description: `"${lb.title}" and its ${lb.looks.length} looks are removed from the store.`,
      variant: "danger",
      confirmText: "Delete",
    })
    if (!confirmed) return
    write.mutate(
      { path: `/admin/lookbooks/${lb.id}`, method: "DELETE" },
      { onSuccess: () => navigate("/lookbooks") }
    )
  }
  const deleteLook = async (look: Look) => {
    const confirmed = await prompt({
      title: "Delete this look?",
      description: `"${look.title}" and its ${look.hotspots.length} hotspots are removed from the lookbook.`,
      variant: "danger",
      confirmText: "Delete",
    })
    if (confirmed)
      write.mutate({
        path: `/admin/lookbooks/${lb.id}/looks/${look.id}`,
        method: "DELETE",
      })
  }
  const move = (i: number, d: -1 | 1) => {
    const ids = lb.looks.map((l) => l.id)
    ;[ids[i], ids[i + d]] = [ids[i + d], ids[i]]
    write.mutate({
      path: `/admin/lookbooks/${lb.id}/reorder`,
      method: "POST",
      body: { look_ids: ids },
    })
  }

  return (
    <div className="flex flex-col gap-4">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-2">
            <Heading level="h1">{lb.title}</Heading>
            <Badge
              size="2xsmall"
              color={lb.status === "published" ? "green" : "grey"}
            >
              {lb.status}
            </Badge>
          </div>
          <div className="flex items-center gap-3">
            <div className="flex items-center gap-2">
              <Switch
                id="published"
                checked={lb.status === "published"}
                onCheckedChange={(v) =>
                  write.mutate({
                    path: `/admin/lookbooks/${lb.id}`,
                    method: "POST",
                    body: { status: v ? "published" : "draft" },
                  })
                }
              />
              <Label htmlFor="published" size="small">
                Published
              </Label>
            </div>
            <Button size="small" variant="secondary" asChild>
              <a
                href={`http://localhost:8000/lookbooks/${lb.handle}`}
                target="_blank"
                rel="noreferrer"
              >
                Preview
              </a>
            </Button>
            <Button size="small" variant="danger" onClick={deleteLookbook}>
              Delete
            </Button>
          </div>
        </div>
        <DetailsForm key={lb.id} lookbook={lb} />
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Looks</Heading>
          <label className="cursor-pointer">
            <span className="txt-compact-small-plus bg-ui-button-neutral shadow-buttons-neutral rounded-md px-3 py-1.5">
              {addLook.isPending ? "Uploading…" : "Add look image…"}
            </span>
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="sr-only"
              onChange={(e) =>
                e.target.files?.[0] && addLook.mutate(e.target.files[0])
              }
            />
          </label>
        </div>
        {lb.looks.map((look, i) => (
          <div key={look.id} className="px-6 py-4">
            <div className="mb-2 flex items-center justify-between">
              <Text weight="plus">{look.title}</Text>
              <div className="flex items-center gap-1">
                <LookStats stats={stats} lookId={look.id} />
                <IconButton
                  size="small"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label="Move up"
                >
                  <ArrowUpMini />
                </IconButton>
                <IconButton
                  size="small"
                  disabled={i === lb.looks.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label="Move down"
                >
                  <ArrowDownMini />
                </IconButton>
                <IconButton
                  size="small"
                  onClick={() => deleteLook(look)}
                  aria-label="Delete look"
                >
                  <Trash />
                </IconButton>
              </div>
            </div>
            <HotspotEditor
              look={look}
              onSave={(hotspots) =>
                write.mutateAsync({
                  path: `/admin/lookbooks/${lb.id}/looks/${look.id}`,
                  method: "POST",
                  body: {
                    hotspots: hotspots.map(
                      ({ x, y, product_id, variant_id }) => ({
                        x,
                        y,
                        product_id,
                        variant_id: variant_id ?? null,
                      })
                    ),
                  },
                })
              }
            />
          </div>
        ))}
        {lb.looks.length === 0 && (
          <div className="px-6 py-4">
            <Text size="small">
              Upload a look image, then click on it to place hotspots.
            </Text>
          </div>
        )}
      </Container>
    </div>
  )
}

/** Title, handle, publish window and description; saved together. */
const DetailsForm = ({ lookbook }: { lookbook: Lookbook }) => {
  const write = useLookbookWrite(lookbook.id)
  const [form, setForm] = useState({
    title: lookbook.title,
    handle: lookbook.handle,
    description: lookbook.description ?? "",
    publish_at: toInput(lookbook.publish_at),
    unpublish_at: toInput(lookbook.unpublish_at),
  })
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value })
  const save = () =>
    write.mutate(
      {
        path: `/admin/lookbooks/${lookbook.id}`,
        method: "POST",
        body: {
          title: form.title,
          handle: form.handle,
          description: form.description || null,
          publish_at: toIso(form.publish_at),
          unpublish_at: toIso(form.unpublish_at),
        },
      },
      { onSuccess: () => toast.success("Saved") }
    )
  return (
    <div className="grid grid-cols-2 gap-4 px-6 py-4">
      <Field label="Title">
        <Input value={form.title} onChange={set("title")} />
      </Field>
      <Field label="Handle">
        <Input value={form.handle} onChange={set("handle")} />
      </Field>
      <Field label="Publish from">
        <Input
          type="datetime-local"
          value={form.publish_at}
          onChange={set("publish_at")}
        />
      </Field>
      <Field label="Publish until">
        <Input
          type="datetime-local"
          value={form.unpublish_at}
          onChange={set("unpublish_at")}
        />
      </Field>
      <div className="col-span-2">
        <Field label="Description">
          <Textarea value={form.description} onChange={set("description")} />
        </Field>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle col-span-2">
        Sales channels:{" "}
        {lookbook.sales_channels.map((c) => c.name).join(", ") || "none"}
      </Text>
      <div className="col-span-2 flex justify-end">
        <Button size="small" onClick={save} isLoading={write.isPending}>
          Save details
        </Button>
      </div>
    </div>
  )
}

const LookStats = ({
  stats,
  lookId,
}: {
  stats?: LookbookAnalytics
  lookId: string
}) => {
  const s = stats?.looks.find((x) => x.look_id === lookId)
  if (!s) return null
  return (
    <Text size="xsmall" className="text-ui-fg-subtle mr-2">
      {s.views} views · {s.hotspot_opens} opens · {s.adds_to_cart} added ·{" "}
      {(s.conversion * 100).toFixed(1)}%
    </Text>
  )
}

const Field = ({
  label,
  children,
}: {
  label: string
  children: React.ReactNode
}) => (
  <div className="flex flex-col gap-1">
    <Label size="xsmall">{label}</Label>
    {children}
  </div>
)

/** The value after it has stopped changing for `ms` (the catalogue search waits for a pause in typing). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return settled
}

/** Click the image to drop a hotspot, then pick the product it shows; save replaces the look's hotspots. */
const HotspotEditor = ({
  look,
  onSave,
}: {
  look: Look
  onSave: (h: Hotspot[]) => Promise<unknown>
}) => {
  const [spots, setSpots] = useState<Hotspot[]>(look.hotspots)
  const [pending, setPending] = useState<{ x: number; y: number } | null>(null)
  const [q, setQ] = useState("")
  const query = useDebounced(q, 250)
  const { data: found = [] } = useProductSearch(query, !!pending)
  const img = useRef<HTMLImageElement>(null)
  // the saved look (or a reorder) replaces what is drawn
  useEffect(() => setSpots(look.hotspots), [look])
  const place = (e: React.MouseEvent) => {
    const r = img.current!.getBoundingClientRect()
    setPending({
      x: +((e.clientX - r.left) / r.width).toFixed(4),
      y: +((e.clientY - r.top) / r.height).toFixed(4),
    })
  }
  const save = () =>
    onSave(spots).then(
      () => toast.success("Hotspots saved"),
      () => undefined // the write already showed its error
    )
  return (
    <div className="flex gap-4">
      <div className="relative w-1/2 max-w-md">
        <img
          ref={img}
          src={look.image_url}
          alt={look.title}
          onClick={place}
          className="w-full cursor-crosshair rounded"
        />
        {[
          ...spots,
          ...(pending ? [{ ...pending, product_id: "" } as Hotspot] : []),
        ].map((h, i) => (
          <span
            key={i}
            title={h.product?.title ?? h.product_id}
            className="bg-ui-fg-interactive absolute flex h-6 w-6 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full text-xs text-white shadow"
            style={{ left: `${h.x * 100}%`, top: `${h.y * 100}%` }}
          >
            {i + 1}
          </span>
        ))}
      </div>
      <div className="flex flex-1 flex-col gap-2">
        {spots.map((h, i) => (
          <div key={i} className="flex items-center gap-2">
            <Badge size="2xsmall">{i + 1}</Badge>
            <Text size="small" className="flex-1 truncate">
              {h.product?.title ?? h.product_id}
            </Text>
            <IconButton
              size="2xsmall"
              variant="transparent"
              aria-label="Remove hotspot"
              onClick={() => setSpots(spots.filter((_, j) => j !== i))}
            >
              <XMark />
            </IconButton>
          </div>
        ))}
        {pending && (
          <div className="flex flex-col gap-1 rounded border p-2">
            <Label size="xsmall" htmlFor={`search-${look.id}`}>
              Product at ({pending.x}, {pending.y})
            </Label>
            <Input
              id={`search-${look.id}`}
              size="small"
              autoFocus
              placeholder="Search the catalogue…"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            {found.map((p) => (
              <button
                key={p.id}
                type="button"
                className="hover:bg-ui-bg-base-hover flex items-center gap-2 rounded p-1 text-left"
                onClick={() => {
                  setSpots([
                    ...spots,
                    {
                      ...pending,
                      product_id: p.id,
                      product: { title: p.title, thumbnail: p.thumbnail },
                    },
                  ])
                  setPending(null)
                  setQ("")
                }}
              >
                {p.thumbnail && (
                  <img
                    src={p.thumbnail}
                    alt=""
                    className="h-8 w-8 rounded object-cover"
                  />
                )}
                <Text size="small">{p.title}</Text>
              </button>
            ))}
            <Button
              size="small"
              variant="transparent"
              onClick={() => setPending(null)}
            >
              Cancel
            </Button>
          </div>
        )}
        {!pending && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            Click the image to add a hotspot.
          </Text>
        )}
        <div>
          <Button size="small" onClick={save}>
            Save hotspots
          </Button>
        </div>
      </div>
    </div>
  )
}

export default LookbookEditPage
