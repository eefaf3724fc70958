import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import SocialModuleService from "../../../../../modules/social/service"
import { socialOf } from "../../../feed/helpers"
import type { StoreSocialProfileType } from "../../../feed/validators"

/** GET /store/customers/me/social-profile — the shopper's profile with counts, or `null` before they made one. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const social = socialOf(req)
  const [profile] = (await social.listSocialProfiles({
    customer_id: req.auth_context.actor_id,
  })) as any[]
  res.json({
    social_profile: profile
      ? { ...profile, ...(await social.profileCounts(profile.customer_id)) }
      : null,
  })
}

/** POST /store/customers/me/social-profile — creates or updates it; a handle another shopper has → 409. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreSocialProfileType>,
  res: MedusaResponse
) => {
  const social = socialOf(req)
  const customerId = req.auth_context.actor_id
  const body = req.validatedBody
  const handle = SocialModuleService.normalizeHandle(body.handle)
  const [taken] = (await social.listSocialProfiles({ handle })) as any[]
  if (taken && taken.customer_id !== customerId)
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The handle "${handle}" is taken.`
    )
  const [mine] = (await social.listSocialProfiles({
    customer_id: customerId,
  })) as any[]
  const data = {
    handle,
    display_name: body.display_name,
    bio: body.bio ?? null,
    avatar_url: body.avatar_url ?? null,
  }
  let profile
  try {
    profile = mine
      ? await social.updateSocialProfiles({ id: mine.id, ...data })
      : await social.createSocialProfiles({
          customer_id: customerId,
          ...data,
        } as any)
  } catch (e: any) {
    // two shoppers racing for one handle: the unique index decides
    if (/unique|already exists/i.test(String(e?.message)))
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The handle "${handle}" is taken.`
      )
    throw e
  }
  res.status(mine ? 200 : 201).json({
    social_profile: {
      ...profile,
      ...(await social.profileCounts(customerId)),
    },
  })
}
