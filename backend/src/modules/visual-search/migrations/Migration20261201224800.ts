import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The mirrored perceptual hash and the 4×4 colour signature were stored for
 * every image and never used in a decision (near-copy detection compares
 * frames): dropped.
 */
export class Migration20261201224800 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_image_vector" drop column if exists "phash_mirror", drop column if exists "colour";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_image_vector" add column if not exists "phash_mirror" text null, add column if not exists "colour" jsonb null;`);
  }

}
