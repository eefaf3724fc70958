import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124164748 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lookbook" drop constraint if exists "lookbook_handle_unique";`);
    this.addSql(`create table if not exists "lookbook" ("id" text not null, "title" text not null, "handle" text not null, "description" text null, "cover_image" text null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "publish_at" timestamptz null, "unpublish_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lookbook_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lookbook_handle_unique" ON "lookbook" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_deleted_at" ON "lookbook" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "look" ("id" text not null, "title" text not null, "image_url" text not null, "rank" integer not null default 0, "lookbook_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "look_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_lookbook_id" ON "look" ("lookbook_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_deleted_at" ON "look" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "look_event" ("id" text not null, "type" text check ("type" in ('look_viewed', 'hotspot_opened', 'look_added_to_cart')) not null, "lookbook_id" text not null, "look_id" text not null, "product_id" text null, "cart_id" text null, "item_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "look_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_event_deleted_at" ON "look_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_event_look_id_type" ON "look_event" ("look_id", "type") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_event_lookbook_id" ON "look_event" ("lookbook_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "look_hotspot" ("id" text not null, "x" real not null, "y" real not null, "product_id" text not null, "variant_id" text null, "label" text null, "look_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "look_hotspot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_hotspot_product_id" ON "look_hotspot" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_hotspot_look_id" ON "look_hotspot" ("look_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_look_hotspot_deleted_at" ON "look_hotspot" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "look" add constraint "look_lookbook_id_foreign" foreign key ("lookbook_id") references "lookbook" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "look_hotspot" add constraint "look_hotspot_look_id_foreign" foreign key ("look_id") references "look" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "look" drop constraint if exists "look_lookbook_id_foreign";`);

    this.addSql(`alter table if exists "look_hotspot" drop constraint if exists "look_hotspot_look_id_foreign";`);

    this.addSql(`drop table if exists "lookbook" cascade;`);

    this.addSql(`drop table if exists "look" cascade;`);

    this.addSql(`drop table if exists "look_event" cascade;`);

    this.addSql(`drop table if exists "look_hotspot" cascade;`);
  }

}
