import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201232231 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_save" drop constraint if exists "social_save_post_id_customer_id_unique";`);
    this.addSql(`alter table if exists "social_report" drop constraint if exists "social_report_target_type_target_id_reporter_id_unique";`);
    this.addSql(`alter table if exists "social_profile" drop constraint if exists "social_profile_handle_unique";`);
    this.addSql(`alter table if exists "social_profile" drop constraint if exists "social_profile_customer_id_unique";`);
    this.addSql(`alter table if exists "social_like" drop constraint if exists "social_like_post_id_customer_id_unique";`);
    this.addSql(`alter table if exists "social_follow" drop constraint if exists "social_follow_follower_id_followee_id_unique";`);
    this.addSql(`create table if not exists "social_comment" ("id" text not null, "post_id" text not null, "customer_id" text not null, "parent_id" text null, "text" text not null, "edited_at" timestamptz null, "status" text check ("status" in ('visible', 'hidden', 'deleted')) not null default 'visible', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_comment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_comment_deleted_at" ON "social_comment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_comment_post_id_created_at" ON "social_comment" ("post_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_follow" ("id" text not null, "follower_id" text not null, "followee_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_follow_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_follow_deleted_at" ON "social_follow" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_follow_follower_id_followee_id_unique" ON "social_follow" ("follower_id", "followee_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_follow_followee_id" ON "social_follow" ("followee_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_like" ("id" text not null, "post_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_like_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_like_deleted_at" ON "social_like" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_like_post_id_customer_id_unique" ON "social_like" ("post_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_like_customer_id_created_at" ON "social_like" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_moderation_action" ("id" text not null, "user_id" text not null, "action" text not null, "target_type" text check ("target_type" in ('post', 'comment', 'profile', 'customer')) not null, "target_id" text not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_moderation_action_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_moderation_action_deleted_at" ON "social_moderation_action" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_moderation_action_created_at" ON "social_moderation_action" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_notification" ("id" text not null, "recipient_id" text not null, "type" text check ("type" in ('like', 'comment', 'reply', 'follow', 'back_in_stock')) not null, "actor_id" text null, "post_id" text null, "product_id" text null, "read_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_notification_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_notification_deleted_at" ON "social_notification" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_notification_recipient_id_created_at" ON "social_notification" ("recipient_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_post" ("id" text not null, "customer_id" text not null, "caption" text not null default '', "hashtags" text[] not null default '{}', "occasion" text null, "season" text null, "visibility" text check ("visibility" in ('public', 'followers')) not null default 'public', "status" text check ("status" in ('visible', 'hidden', 'pending', 'deleted')) not null default 'visible', "likes_count" integer not null default 0, "comments_count" integer not null default 0, "saves_count" integer not null default 0, "reports_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_deleted_at" ON "social_post" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_customer_id_created_at" ON "social_post" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_status_created_at" ON "social_post" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_post_image" ("id" text not null, "post_id" text not null, "url" text not null, "file_id" text null, "width" integer not null, "height" integer not null, "position" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_image_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_image_deleted_at" ON "social_post_image" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_image_post_id_position" ON "social_post_image" ("post_id", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_post_tag" ("id" text not null, "post_id" text not null, "image" integer not null default 0, "x" real not null, "y" real not null, "product_id" text not null, "variant_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_tag_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_tag_deleted_at" ON "social_post_tag" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_tag_post_id" ON "social_post_tag" ("post_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_tag_product_id" ON "social_post_tag" ("product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_profile" ("id" text not null, "customer_id" text not null, "handle" text not null, "display_name" text not null, "bio" text null, "avatar_url" text null, "banned_at" timestamptz null, "warned_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_profile_deleted_at" ON "social_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_profile_customer_id_unique" ON "social_profile" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_profile_handle_unique" ON "social_profile" ("handle") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_report" ("id" text not null, "target_type" text check ("target_type" in ('post', 'comment', 'profile')) not null, "target_id" text not null, "reporter_id" text not null, "reason" text not null, "status" text check ("status" in ('open', 'resolved')) not null default 'open', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_report_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_report_deleted_at" ON "social_report" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_report_target_type_target_id_reporter_id_unique" ON "social_report" ("target_type", "target_id", "reporter_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_report_status_created_at" ON "social_report" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_save" ("id" text not null, "post_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_save_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_save_deleted_at" ON "social_save" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_save_post_id_customer_id_unique" ON "social_save" ("post_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_save_customer_id_created_at" ON "social_save" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social_comment" cascade;`);

    this.addSql(`drop table if exists "social_follow" cascade;`);

    this.addSql(`drop table if exists "social_like" cascade;`);

    this.addSql(`drop table if exists "social_moderation_action" cascade;`);

    this.addSql(`drop table if exists "social_notification" cascade;`);

    this.addSql(`drop table if exists "social_post" cascade;`);

    this.addSql(`drop table if exists "social_post_image" cascade;`);

    this.addSql(`drop table if exists "social_post_tag" cascade;`);

    this.addSql(`drop table if exists "social_profile" cascade;`);

    this.addSql(`drop table if exists "social_report" cascade;`);

    this.addSql(`drop table if exists "social_save" cascade;`);
  }

}
