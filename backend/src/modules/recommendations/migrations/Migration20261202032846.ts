import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202032846 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "rec_rule" ("id" text not null, "action" text check ("action" in ('boost', 'exclude')) not null, "target" text check ("target" in ('collection', 'category', 'tag')) not null, "target_id" text not null, "weight" real not null default 0.5, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rec_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rec_rule_deleted_at" ON "rec_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rec_rule" cascade;`);
  }

}
