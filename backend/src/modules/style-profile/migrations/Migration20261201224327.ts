import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201224327 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "style_profile" drop constraint if exists "style_profile_customer_id_unique";`);
    this.addSql(`alter table if exists "style_like" drop constraint if exists "style_like_customer_id_product_id_unique";`);
    this.addSql(`create table if not exists "style_like" ("id" text not null, "customer_id" text not null, "product_id" text not null, "source" text check ("source" in ('quiz', 'product')) not null default 'quiz', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "style_like_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_style_like_deleted_at" ON "style_like" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_style_like_customer_id_product_id_unique" ON "style_like" ("customer_id", "product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "style_profile" ("id" text not null, "customer_id" text not null, "sizes" jsonb null, "budget_max_item" real null, "budget_min_item" real null, "budget_by_family" jsonb null, "styles" text[] not null default '{}', "colours_liked" text[] not null default '{}', "colours_disliked" text[] not null default '{}', "brands" text[] not null default '{}', "gender" text null, "country_code" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "style_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_style_profile_customer_id_unique" ON "style_profile" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_style_profile_deleted_at" ON "style_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "style_like" cascade;`);

    this.addSql(`drop table if exists "style_profile" cascade;`);
  }

}
