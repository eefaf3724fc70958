import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124172540 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_image_vector" add column if not exists "thumb" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_image_vector" drop column if exists "thumb";`);
  }

}
