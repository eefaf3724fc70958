import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Each backend process brings its in-memory index up to date by reading the rows
 * changed since its last sync (deleted ones too), every second: without this
 * index that read scanned the whole table.
 */
export class Migration20261125070023 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_image_vector_updated_at" ON "visual_search_image_vector" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_visual_search_image_vector_updated_at";`);
  }

}
