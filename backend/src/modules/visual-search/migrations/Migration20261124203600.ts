import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Near-copy detection moved from a background-trimmed 48×48 thumbnail to a
 * registered whole-photo "frame" (grey + Lab, see lib/visual-search/near-copy.ts).
 * Rows without a frame are picked up and reindexed by the catch-up job.
 */
export class Migration20261124203600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_image_vector" add column if not exists "frame" text null;`);
    this.addSql(`alter table if exists "visual_search_image_vector" drop column if exists "thumb";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_image_vector" add column if not exists "thumb" text null;`);
    this.addSql(`alter table if exists "visual_search_image_vector" drop column if exists "frame";`);
  }

}
