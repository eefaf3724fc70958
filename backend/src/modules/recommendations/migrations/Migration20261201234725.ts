import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201234725 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "rec_feedback" ("id" text not null, "customer_id" text not null, "recommendation_id" text not null, "product_ids" jsonb not null, "rating" text check ("rating" in ('like', 'dislike')) not null, "reason" text check ("reason" in ('not_my_style', 'too_expensive', 'wrong_size', 'own_similar')) null, "price" real null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rec_feedback_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rec_feedback_deleted_at" ON "rec_feedback" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rec_feedback_customer_id" ON "rec_feedback" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "rec_item_similarity" ("id" text not null, "neighbours" jsonb not null, "popularity" jsonb not null, "stats" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rec_item_similarity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rec_item_similarity_deleted_at" ON "rec_item_similarity" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation" ("id" text not null, "customer_id" text null, "kind" text check ("kind" in ('product', 'outfit')) not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_deleted_at" ON "recommendation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_customer_id" ON "recommendation" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "rec_signal" ("id" text not null, "customer_id" text not null, "product_id" text not null, "kind" text check ("kind" in ('view', 'cart', 'purchase', 'like', 'dislike', 'quiz', 'look')) not null, "weight" real not null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rec_signal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rec_signal_deleted_at" ON "rec_signal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rec_signal_customer_id" ON "rec_signal" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rec_signal_product_id" ON "rec_signal" ("product_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rec_feedback" cascade;`);

    this.addSql(`drop table if exists "rec_item_similarity" cascade;`);

    this.addSql(`drop table if exists "recommendation" cascade;`);

    this.addSql(`drop table if exists "rec_signal" cascade;`);
  }

}
