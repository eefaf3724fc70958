import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202025108 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_stock_watch" drop constraint if exists "social_stock_watch_customer_id_product_id_unique";`);
    this.addSql(`create table if not exists "social_stock_watch" ("id" text not null, "customer_id" text not null, "product_id" text not null, "size" text null, "state" text check ("state" in ('waiting', 'notified')) not null default 'waiting', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_stock_watch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_stock_watch_deleted_at" ON "social_stock_watch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_stock_watch_customer_id_product_id_unique" ON "social_stock_watch" ("customer_id", "product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_stock_watch_product_id_state" ON "social_stock_watch" ("product_id", "state") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_social_post_customer_id_created_at";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_customer_id_created_at_id_status_visibility" ON "social_post" ("customer_id", "created_at", "id", "status", "visibility") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_profile_banned_at" ON "social_profile" ("banned_at") WHERE banned_at IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social_stock_watch" cascade;`);

    this.addSql(`drop index if exists "IDX_social_post_customer_id_created_at_id_status_visibility";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_customer_id_created_at" ON "social_post" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_social_profile_banned_at";`);
  }

}
