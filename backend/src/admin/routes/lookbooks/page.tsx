import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PhotoSolid } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { sdk } from "../../lib/sdk"

type Row = { id: string; title: string; handle: string; status: string; look_count: number; publish_at: string | null; sales_channels: { name: string }[] }

const LookbooksPage = () => {
  const [rows, setRows] = useState<Row[]>([])
  const [title, setTitle] = useState("")
  const navigate = useNavigate()
  const load = () => sdk.client.fetch<{ lookbooks: Row[] }>("/admin/lookbooks").then((r) => setRows(r.lookbooks), (e) => toast.error(e.message))
  useEffect(() => { load() }, [])
  const create = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      const { sales_channels } = await sdk.admin.salesChannel.list({ limit: 50 })
      const { lookbook } = await sdk.client.fetch<{ lookbook: { id: string } }>("/admin/lookbooks", { method: "POST", body: { title, sales_channel_ids: sales_channels.map((c) => c.id) } })
      navigate(`/lookbooks/${lookbook.id}`)
    } catch (err: any) {
      toast.error(err.message)
    }
  }
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Lookbooks</Heading>
          <Text size="small" className="text-ui-fg-subtle">Curated looks whose hotspots sell the products in them.</Text>
        </div>
        <form onSubmit={create} className="flex items-end gap-2">
          <div>
            <Label htmlFor="new-lookbook" size="xsmall">New lookbook title</Label>
            <Input id="new-lookbook" size="small" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Spring edit" required />
          </div>
          <Button size="small" type="submit" disabled={!title.trim()}>Create</Button>
        </form>
      </div>
      <Table>
        <Table.Header>
          <Table.Row><Table.HeaderCell>Title</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell><Table.HeaderCell>Looks</Table.HeaderCell><Table.HeaderCell>Sales channels</Table.HeaderCell></Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.id} className="cursor-pointer" onClick={() => navigate(`/lookbooks/${r.id}`)}>
              <Table.Cell><Link to={`/lookbooks/${r.id}`}>{r.title}</Link><Text size="xsmall" className="text-ui-fg-subtle">/{r.handle}</Text></Table.Cell>
              <Table.Cell><Badge size="2xsmall" color={r.status === "published" ? "green" : "grey"}>{r.status}</Badge></Table.Cell>
              <Table.Cell>{r.look_count}</Table.Cell>
              <Table.Cell>{r.sales_channels.map((c) => c.name).join(", ") || "—"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {rows.length === 0 && <div className="px-6 py-4"><Text size="small">No lookbooks yet.</Text></div>}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Lookbooks", icon: PhotoSolid })

export default LookbooksPage
