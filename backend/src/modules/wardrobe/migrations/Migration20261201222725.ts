import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201222725 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "wardrobe_wear" drop constraint if exists "wardrobe_wear_wardrobe_item_id_worn_on_unique";`);
    this.addSql(`alter table if exists "wardrobe_item" drop constraint if exists "wardrobe_item_order_line_item_id_unique";`);
    this.addSql(`create table if not exists "outfit" ("id" text not null, "customer_id" text not null, "name" text not null, "notes" text null, "collage_file_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "outfit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_outfit_customer_id" ON "outfit" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_outfit_deleted_at" ON "outfit" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "outfit_item" ("id" text not null, "rank" integer not null default 0, "wardrobe_item_id" text null, "product_id" text null, "outfit_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "outfit_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_outfit_item_wardrobe_item_id" ON "outfit_item" ("wardrobe_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_outfit_item_outfit_id" ON "outfit_item" ("outfit_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_outfit_item_deleted_at" ON "outfit_item" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "wardrobe_item" ("id" text not null, "customer_id" text not null, "image_file_id" text null, "cutout_file_id" text null, "image_url" text null, "article_type" text null, "colour" text null, "family" text check ("family" in ('top', 'bottom', 'dress', 'shoes', 'accessory', 'outerwear', 'bag')) null, "brand" text null, "size" text null, "price_paid" numeric null, "currency_code" text null, "acquired_at" timestamptz null, "source" text check ("source" in ('upload', 'order')) not null default 'upload', "product_id" text null, "variant_id" text null, "order_id" text null, "order_line_item_id" text null, "notes" text null, "archived" boolean not null default false, "suggestions" jsonb null, "raw_price_paid" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wardrobe_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_item_customer_id" ON "wardrobe_item" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wardrobe_item_order_line_item_id_unique" ON "wardrobe_item" ("order_line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_item_deleted_at" ON "wardrobe_item" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "wardrobe_wear" ("id" text not null, "customer_id" text not null, "wardrobe_item_id" text not null, "outfit_id" text null, "worn_on" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wardrobe_wear_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_customer_id" ON "wardrobe_wear" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_deleted_at" ON "wardrobe_wear" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wardrobe_wear_wardrobe_item_id_worn_on_unique" ON "wardrobe_wear" ("wardrobe_item_id", "worn_on") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "outfit_item" add constraint "outfit_item_outfit_id_foreign" foreign key ("outfit_id") references "outfit" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "outfit_item" drop constraint if exists "outfit_item_outfit_id_foreign";`);

    this.addSql(`drop table if exists "outfit" cascade;`);

    this.addSql(`drop table if exists "outfit_item" cascade;`);

    this.addSql(`drop table if exists "wardrobe_item" cascade;`);

    this.addSql(`drop table if exists "wardrobe_wear" cascade;`);
  }

}
