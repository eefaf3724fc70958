import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201222810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "zero_result_query" ("id" text not null, "query" text not null, "region_id" text null, "engine" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "zero_result_query_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zero_result_query_deleted_at" ON "zero_result_query" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zero_result_query_created_at" ON "zero_result_query" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_zero_result_query_query" ON "zero_result_query" ("query") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "zero_result_query" cascade;`);
  }

}
