import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"

/** The store metadata key the admin's pre-moderation switch is kept under. */
const KEY = "social_premoderation"

export type SocialSettings = {
  /** new posts wait for a moderator's approval (status `pending`) */
  premoderation: boolean
}

async function theStore(container: MedusaContainer) {
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "store", fields: ["id", "metadata"] })
  return (data as any[])[0] ?? null
}

/**
 * The feed's store settings: what the admin set (store metadata), else
 * `CURATOR_SOCIAL_PREMODERATION=true` as the default.
 */
export async function socialSettings(
  container: MedusaContainer
): Promise<SocialSettings> {
  const store = await theStore(container)
  const set = store?.metadata?.[KEY]
  return {
    premoderation:
      typeof set === "boolean"
        ? set
        : process.env.CURATOR_SOCIAL_PREMODERATION === "true",
  }
}

/** Saves the admin's choice in the store's metadata (other metadata keys kept). */
export async function saveSocialSettings(
  container: MedusaContainer,
  patch: SocialSettings
): Promise<SocialSettings> {
  const store = await theStore(container)
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        metadata: { ...(store.metadata ?? {}), [KEY]: patch.premoderation },
      },
    },
  })
  return socialSettings(container)
}
