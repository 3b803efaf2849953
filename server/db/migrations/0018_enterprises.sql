CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_key" text NOT NULL,
	"uscc" text,
	"kind" text NOT NULL,
	"abroad" boolean DEFAULT false NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"listing_stage" text,
	"industry_code" text,
	"hq_region_code" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_required" CHECK ("enterprises"."uscc" is not null or ("enterprises"."kind" = 'target' and "enterprises"."abroad")),
	CONSTRAINT "enterprises_listing_stage_tagged" CHECK ("enterprises"."listing_stage" is null or 'pre_listing' = any("enterprises"."tags"))
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_hq_region_code_regions_code_fk" FOREIGN KEY ("hq_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_region_uscc_uq" ON "enterprises" USING btree ("region_code","uscc") WHERE "enterprises"."uscc" is not null;--> statement-breakpoint
CREATE INDEX "enterprises_region_kind_idx" ON "enterprises" USING btree ("region_code","kind");--> statement-breakpoint
CREATE INDEX "enterprises_region_name_key_idx" ON "enterprises" USING btree ("region_code","name_key");--> statement-breakpoint
CREATE INDEX "enterprises_name_trgm_idx" ON "enterprises" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_pinyin_trgm_idx" ON "enterprises" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_tags_idx" ON "enterprises" USING gin ("tags");