import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124163753 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_image_vector" drop constraint if exists "visual_search_image_vector_product_id_image_url_embedder_unique";`);
    this.addSql(`create table if not exists "visual_search_image_vector" ("id" text not null, "product_id" text not null, "image_id" text null, "image_url" text not null, "embedder" text not null, "status" text check ("status" in ('indexed', 'failed')) not null default 'indexed', "vector" jsonb null, "phash" text null, "phash_mirror" text null, "colour" jsonb null, "error" text null, "attempts" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "visual_search_image_vector_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_image_vector_product_id" ON "visual_search_image_vector" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_image_vector_embedder" ON "visual_search_image_vector" ("embedder") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_image_vector_deleted_at" ON "visual_search_image_vector" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_visual_search_image_vector_product_id_image_url_embedder_unique" ON "visual_search_image_vector" ("product_id", "image_url", "embedder") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "visual_search_image_vector" cascade;`);
  }

}
