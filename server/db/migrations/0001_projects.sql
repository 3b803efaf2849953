CREATE TABLE "annual_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"planned_yuan" bigint NOT NULL,
	"monthly_yuan" bigint[] NOT NULL,
	"reason" text,
	"frozen_at" timestamp with time zone,
	"frozen_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"applied_on" date,
	"approved_on" date,
	"document_number" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_field_defs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"category_code" text,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"label_en" text NOT NULL,
	"type" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"source_code" text NOT NULL,
	"planned_yuan" bigint DEFAULT 0 NOT NULL,
	"applied_yuan" bigint DEFAULT 0 NOT NULL,
	"approved_yuan" bigint DEFAULT 0 NOT NULL,
	"received_yuan" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_configs" (
	"region_code" text PRIMARY KEY NOT NULL,
	"gates" jsonb NOT NULL,
	"required_approvals" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"duration_days" integer DEFAULT 0 NOT NULL,
	"predecessor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"actual_start" date,
	"actual_finish" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"from_pool" text NOT NULL,
	"to_pool" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_co_units" (
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "project_co_units_project_id_unit_id_pk" PRIMARY KEY("project_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "project_code_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"previous_code" text,
	"code" text,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_leaders" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "project_leaders_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"code" text,
	"code_region_code" text,
	"owner_name" text,
	"construction_content" text,
	"category_code" text,
	"industry_code" text,
	"leading_industry_code" text,
	"is_provincial_key" boolean DEFAULT false NOT NULL,
	"is_city_key" boolean DEFAULT false NOT NULL,
	"is_district_key" boolean DEFAULT true NOT NULL,
	"named_lists" text[] DEFAULT '{}'::text[] NOT NULL,
	"nature" text DEFAULT 'reserve' NOT NULL,
	"approval_type" text,
	"street_code" text,
	"cluster_code" text,
	"park_code" text,
	"longitude" numeric(9, 6),
	"latitude" numeric(9, 6),
	"outline" jsonb,
	"total_investment_yuan" bigint,
	"fixed_asset_investment_yuan" bigint,
	"needs_land" boolean DEFAULT false NOT NULL,
	"land_secured" boolean DEFAULT false NOT NULL,
	"land_area_mu" numeric(12, 2),
	"floor_area_m2" numeric(14, 2),
	"demolition_m2" numeric(14, 2),
	"resettlement_units" integer,
	"planned_start" date,
	"planned_completion" date,
	"actual_start" date,
	"actual_completion" date,
	"lead_unit_id" uuid NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"task_force" text,
	"pool" text DEFAULT 'planning' NOT NULL,
	"pool_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_reason" text,
	"custom_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_plans" ADD CONSTRAINT "annual_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_defs" ADD CONSTRAINT "custom_field_defs_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_configs" ADD CONSTRAINT "gate_configs_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_moves" ADD CONSTRAINT "pool_moves_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_co_units" ADD CONSTRAINT "project_co_units_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_co_units" ADD CONSTRAINT "project_co_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_code_history" ADD CONSTRAINT "project_code_history_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_leaders" ADD CONSTRAINT "project_leaders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_leaders" ADD CONSTRAINT "project_leaders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_street_code_regions_code_fk" FOREIGN KEY ("street_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plans_project_year_version_uq" ON "annual_plans" USING btree ("project_id","year","version_no");--> statement-breakpoint
CREATE INDEX "annual_plans_year_idx" ON "annual_plans" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_items_project_type_uq" ON "approval_items" USING btree ("project_id","type_code");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_defs_region_key_uq" ON "custom_field_defs" USING btree ("region_code","key");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_lines_project_source_uq" ON "funding_lines" USING btree ("project_id","source_code");--> statement-breakpoint
CREATE INDEX "milestones_project_idx" ON "milestones" USING btree ("project_id","sort_order");--> statement-breakpoint
CREATE INDEX "pool_moves_project_idx" ON "pool_moves" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "project_code_history_project_idx" ON "project_code_history" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_leaders_user_idx" ON "project_leaders" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_region_code_uq" ON "projects" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "projects_region_pool_idx" ON "projects" USING btree ("region_code","pool");--> statement-breakpoint
CREATE INDEX "projects_lead_unit_idx" ON "projects" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "projects_name_idx" ON "projects" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "projects_pinyin_idx" ON "projects" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at");