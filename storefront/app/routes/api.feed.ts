import type { ActionFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"
import { z } from "zod"
import {
  follow,
  postAction,
  report,
  SocialError,
} from "~/lib/data/social.server"
import { getCustomerToken } from "~/lib/session.server"

const Form = z.discriminatedUnion("intent", [
  z.object({
    intent: z.enum(["like", "unlike", "save", "unsave", "delete"]),
    post_id: z.string().min(1),
  }),
  z.object({
    intent: z.literal("comment"),
    post_id: z.string().min(1),
    text: z.string().trim().min(1, "Write something").max(1000),
    parent_id: z.string().optional(),
  }),
  z.object({
    intent: z.literal("report"),
    post_id: z.string().min(1),
    reason: z.string().trim().min(1, "Say why").max(500),
  }),
  z.object({
    intent: z.enum(["follow", "unfollow"]),
    handle: z.string().min(1),
  }),
  z.object({
    intent: z.literal("report_comment"),
    comment_id: z.string().min(1),
    reason: z.string().trim().min(1, "Say why").max(500),
  }),
  z.object({
    intent: z.literal("report_profile"),
    handle: z.string().min(1),
    reason: z.string().trim().min(1, "Say why").max(500),
  }),
])

/** Only same-site paths, so a form cannot send the shopper elsewhere. */
const safePath = (p: unknown) =>
  typeof p === "string" && p.startsWith("/") && !p.startsWith("//")
    ? p
    : "/feed"

/** Feed writes (like, save, comment, report a post, comment or profile, follow): works as a plain form post, then back to where it came from. */
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData())
  const back = safePath(form.redirect_to)
  const token = await getCustomerToken(request)
  if (!token)
    return redirect(`/account/login?redirect_to=${encodeURIComponent(back)}`)
  const parsed = Form.safeParse(form)
  if (!parsed.success)
    return Response.json(
      { errors: parsed.error.flatten().fieldErrors },
      { status: 400 }
    )
  const input = parsed.data
  try {
    if (input.intent === "report_comment")
      await report(token, { comment_id: input.comment_id }, input.reason)
    else if (input.intent === "report_profile")
      await report(token, { handle: input.handle }, input.reason)
    else if ("handle" in input)
      await follow(token, input.handle, input.intent === "follow")
    else if (input.intent === "comment")
      await postAction(token, input.post_id, "comment", {
        text: input.text,
        ...(input.parent_id ? { parent_id: input.parent_id } : {}),
      })
    else if (input.intent === "report")
      await postAction(token, input.post_id, "report", { reason: input.reason })
    else await postAction(token, input.post_id, input.intent)
  } catch (e) {
    if (e instanceof SocialError)
      return Response.json(
        { errors: { form: [e.message] } },
        { status: e.status }
      )
    throw e
  }
  return redirect(input.intent === "delete" ? "/feed" : back)
}
