import { Badge, Button, Container, Heading, IconButton, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { ArrowDownMini, ArrowUpMini, Trash, XMark } from "@medusajs/icons"
import { useEffect, useRef, useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import { sdk } from "../../../lib/sdk"

type Hotspot = { id?: string; x: number; y: number; product_id: string; variant_id?: string | null; product?: { title: string; thumbnail: string | null } }
type Look = { id: string; title: string; image_url: string; rank: number; hotspots: Hotspot[] }
type Lookbook = { id: string; title: string; handle: string; description: string | null; status: "draft" | "published"; publish_at: string | null; unpublish_at: string | null; looks: Look[]; sales_channels: { id: string; name: string }[] }
type Analytics = { looks: { look_id: string; views: number; hotspot_opens: number; adds_to_cart: number; conversion: number }[] }

const toInput = (d: string | null) => (d ? new Date(d).toISOString().slice(0, 16) : "")

const LookbookEditPage = () => {
  const { id } = useParams()
  const navigate = useNavigate()
  const [lb, setLb] = useState<Lookbook | null>(null)
  const [stats, setStats] = useState<Analytics | null>(null)
  const [form, setForm] = useState({ title: "", handle: "", description: "", publish_at: "", unpublish_at: "" })
  const load = async () => {
    const { lookbook } = await sdk.client.fetch<{ lookbook: Lookbook }>(`/admin/lookbooks/${id}`)
    setLb(lookbook)
    setForm({ title: lookbook.title, handle: lookbook.handle, description: lookbook.description ?? "", publish_at: toInput(lookbook.publish_at), unpublish_at: toInput(lookbook.unpublish_at) })
    sdk.client.fetch<Analytics>(`/admin/lookbooks/${id}/analytics`).then(setStats, () => {})
  }
  useEffect(() => { load().catch((e) => toast.error(e.message)) }, [id])
  const call = async (path: string, method: string, body?: unknown) => {
    try {
      const res = await sdk.client.fetch<{ lookbook?: Lookbook }>(path, { method, body: body as any })
      if (res.lookbook) setLb(res.lookbook)
      else await load()
      return true
    } catch (e: any) {
      toast.error(e.message)
      return false
    }
  }
  if (!lb) return <Container><Text>Loading…</Text></Container>
  const save = () =>
    call(`/admin/lookbooks/${lb.id}`, "POST", {
      title: form.title, handle: form.handle, description: form.description || null,
      publish_at: form.publish_at ? new Date(form.publish_at).toISOString() : null,
      unpublish_at: form.unpublish_at ? new Date(form.unpublish_at).toISOString() : null,
    }).then((ok) => ok && toast.success("Saved"))
  const move = (i: number, d: -1 | 1) => {
    const ids = lb.looks.map((l) => l.id)
    ;[ids[i], ids[i + d]] = [ids[i + d], ids[i]]
    call(`/admin/lookbooks/${lb.id}/reorder`, "POST", { look_ids: ids })
  }
  const addLook = async (file: File) => {
    try {
      const { files } = await sdk.admin.upload.create({ files: [file] })
      await call(`/admin/lookbooks/${lb.id}/looks`, "POST", { title: file.name.replace(/\.[^.]+$/, ""), image_url: files[0].url, hotspots: [] })
    } catch (e: any) {
      toast.error(e.message)
    }
  }
  return (
    <div className="flex flex-col gap-4">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-2">
            <Heading level="h1">{lb.title}</Heading>
            <Badge size="2xsmall" color={lb.status === "published" ? "green" : "grey"}>{lb.status}</Badge>
          </div>
          <div className="flex items-center gap-3">
            <div className="flex items-center gap-2">
              <Switch id="published" checked={lb.status === "published"} onCheckedChange={(v) => call(`/admin/lookbooks/${lb.id}`, "POST", { status: v ? "published" : "draft" })} />
              <Label htmlFor="published" size="small">Published</Label>
            </div>
            <Button size="small" variant="secondary" asChild><a href={`http://localhost:8000/lookbooks/${lb.handle}`} target="_blank" rel="noreferrer">Preview</a></Button>
            <Button size="small" variant="danger" onClick={() => confirm("Delete this lookbook?") && call(`/admin/lookbooks/${lb.id}`, "DELETE").then((ok) => ok && navigate("/lookbooks"))}>Delete</Button>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4">
          <Field label="Title"><Input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} /></Field>
          <Field label="Handle"><Input value={form.handle} onChange={(e) => setForm({ ...form, handle: e.target.value })} /></Field>
          <Field label="Publish from"><Input type="datetime-local" value={form.publish_at} onChange={(e) => setForm({ ...form, publish_at: e.target.value })} /></Field>
          <Field label="Publish until"><Input type="datetime-local" value={form.unpublish_at} onChange={(e) => setForm({ ...form, unpublish_at: e.target.value })} /></Field>
          <div className="col-span-2"><Field label="Description"><Textarea value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} /></Field></div>
          <Text size="xsmall" className="text-ui-fg-subtle col-span-2">Sales channels: {lb.sales_channels.map((c) => c.name).join(", ") || "none"}</Text>
          <div className="col-span-2 flex justify-end"><Button size="small" onClick={save}>Save details</Button></div>
        </div>
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Looks</Heading>
          <label className="cursor-pointer">
            <span className="txt-compact-small-plus bg-ui-button-neutral shadow-buttons-neutral rounded-md px-3 py-1.5">Add look image…</span>
            <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" onChange={(e) => e.target.files?.[0] && addLook(e.target.files[0])} />
          </label>
        </div>
        {lb.looks.map((look, i) => (
          <div key={look.id} className="px-6 py-4">
            <div className="mb-2 flex items-center justify-between">
              <Text weight="plus">{look.title}</Text>
              <div className="flex items-center gap-1">
                {stats && (() => { const s = stats.looks.find((x) => x.look_id === look.id); return s ? <Text size="xsmall" className="text-ui-fg-subtle mr-2">{s.views} views · {s.hotspot_opens} opens · {s.adds_to_cart} added · {(s.conversion * 100).toFixed(1)}%</Text> : null })()}
                <IconButton size="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label="Move up"><ArrowUpMini /></IconButton>
                <IconButton size="small" disabled={i === lb.looks.length - 1} onClick={() => move(i, 1)} aria-label="Move down"><ArrowDownMini /></IconButton>
                <IconButton size="small" onClick={() => confirm("Delete this look?") && call(`/admin/lookbooks/${lb.id}/looks/${look.id}`, "DELETE")} aria-label="Delete look"><Trash /></IconButton>
              </div>
            </div>
            <HotspotEditor look={look} onSave={(hotspots) => call(`/admin/lookbooks/${lb.id}/looks/${look.id}`, "POST", { hotspots: hotspots.map(({ x, y, product_id, variant_id }) => ({ x, y, product_id, variant_id: variant_id ?? null })) })} />
          </div>
        ))}
        {lb.looks.length === 0 && <div className="px-6 py-4"><Text size="small">Upload a look image, then click on it to place hotspots.</Text></div>}
      </Container>
    </div>
  )
}

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="flex flex-col gap-1"><Label size="xsmall">{label}</Label>{children}</div>
)

/** Click the image to drop a hotspot, then pick the product it shows; save replaces the look's hotspots. */
const HotspotEditor = ({ look, onSave }: { look: Look; onSave: (h: Hotspot[]) => Promise<boolean> }) => {
  const [spots, setSpots] = useState<Hotspot[]>(look.hotspots)
  const [pending, setPending] = useState<{ x: number; y: number } | null>(null)
  const [q, setQ] = useState("")
  const [found, setFound] = useState<{ id: string; title: string; thumbnail: string | null; variants: { id: string; title: string }[] }[]>([])
  const img = useRef<HTMLImageElement>(null)
  useEffect(() => setSpots(look.hotspots), [look])
  useEffect(() => {
    if (!pending) return
    const t = setTimeout(() => {
      sdk.admin.product.list({ q: q || undefined, limit: 8, fields: "id,title,thumbnail,variants.id,variants.title" }).then((r) => setFound(r.products as any))
    }, 250)
    return () => clearTimeout(t)
  }, [q, pending])
  const place = (e: React.MouseEvent) => {
    const r = img.current!.getBoundingClientRect()
    setPending({ x: +((e.clientX - r.left) / r.width).toFixed(4), y: +((e.clientY - r.top) / r.height).toFixed(4) })
  }
  return (
    <div className="flex gap-4">
      <div className="relative w-1/2 max-w-md">
        <img ref={img} src={look.image_url} alt={look.title} onClick={place} className="w-full cursor-crosshair rounded" />
        {[...spots, ...(pending ? [{ ...pending, product_id: "" }] : [])].map((h, i) => (
          <span key={i} title={h.product?.title ?? h.product_id} className="bg-ui-fg-interactive absolute flex h-6 w-6 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full text-xs text-white shadow" style={{ left: `${h.x * 100}%`, top: `${h.y * 100}%` }}>{i + 1}</span>
        ))}
      </div>
      <div className="flex flex-1 flex-col gap-2">
        {spots.map((h, i) => (
          <div key={i} className="flex items-center gap-2">
            <Badge size="2xsmall">{i + 1}</Badge>
            <Text size="small" className="flex-1 truncate">{h.product?.title ?? h.product_id}</Text>
            <IconButton size="2xsmall" variant="transparent" aria-label="Remove hotspot" onClick={() => setSpots(spots.filter((_, j) => j !== i))}><XMark /></IconButton>
          </div>
        ))}
        {pending && (
          <div className="flex flex-col gap-1 rounded border p-2">
            <Label size="xsmall" htmlFor={`search-${look.id}`}>Product at ({pending.x}, {pending.y})</Label>
            <Input id={`search-${look.id}`} size="small" autoFocus placeholder="Search the catalogue…" value={q} onChange={(e) => setQ(e.target.value)} />
            {found.map((p) => (
              <button key={p.id} type="button" className="hover:bg-ui-bg-base-hover flex items-center gap-2 rounded p-1 text-left" onClick={() => { setSpots([...spots, { ...pending, product_id: p.id, product: { title: p.title, thumbnail: p.thumbnail } }]); setPending(null); setQ("") }}>
                {p.thumbnail && <img src={p.thumbnail} alt="" className="h-8 w-8 rounded object-cover" />}
                <Text size="small">{p.title}</Text>
              </button>
            ))}
            <Button size="small" variant="transparent" onClick={() => setPending(null)}>Cancel</Button>
          </div>
        )}
        {!pending && <Text size="xsmall" className="text-ui-fg-subtle">Click the image to add a hotspot.</Text>}
        <div><Button size="small" onClick={() => onSave(spots).then((ok) => ok && toast.success("Hotspots saved"))}>Save hotspots</Button></div>
      </div>
    </div>
  )
}

export default LookbookEditPage
