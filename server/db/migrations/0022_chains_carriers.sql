CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"use" text NOT NULL,
	"floors" smallint NOT NULL,
	"total_area_m2" numeric(14, 2) NOT NULL,
	"vacant_area_m2" numeric(14, 2) NOT NULL,
	"rent_yuan_per_m2_day" numeric(8, 2),
	"longitude" numeric(9, 6),
	"latitude" numeric(9, 6),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_vacant_within_total" CHECK ("buildings"."vacant_area_m2" >= 0 and "buildings"."vacant_area_m2" <= "buildings"."total_area_m2")
);
--> statement-breakpoint
CREATE TABLE "chain_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" uuid NOT NULL,
	"segment" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"role" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_chains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"description" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "land_parcels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"park_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"area_mu" numeric(12, 2) NOT NULL,
	"planned_use" text NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'reserve' NOT NULL,
	"supplied_project_id" uuid,
	"supplied_on" date,
	"outline" jsonb,
	"std_investment_wan_per_mu" numeric(12, 2),
	"std_output_wan_per_mu" numeric(12, 2),
	"std_tax_wan_per_mu" numeric(12, 2),
	"std_plot_ratio" numeric(6, 2),
	"std_energy_per_unit" numeric(8, 3),
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "land_parcels_supplied_has_project" CHECK (("land_parcels"."status" = 'supplied') = ("land_parcels"."supplied_project_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"cluster_code" text,
	"area_mu" numeric(12, 2),
	"leading_industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"outline" jsonb,
	"description" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_nodes" ADD CONSTRAINT "chain_nodes_chain_id_industry_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."industry_chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD CONSTRAINT "chain_placements_node_id_chain_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD CONSTRAINT "chain_placements_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_chains" ADD CONSTRAINT "industry_chains_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_chains" ADD CONSTRAINT "industry_chains_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_parcels" ADD CONSTRAINT "land_parcels_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_parcels" ADD CONSTRAINT "land_parcels_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_parcels" ADD CONSTRAINT "land_parcels_supplied_project_id_projects_id_fk" FOREIGN KEY ("supplied_project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_parcels" ADD CONSTRAINT "land_parcels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_park_name_uq" ON "buildings" USING btree ("park_id","name");--> statement-breakpoint
CREATE INDEX "buildings_vacant_idx" ON "buildings" USING btree ("vacant_area_m2");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_nodes_chain_name_uq" ON "chain_nodes" USING btree ("chain_id","name");--> statement-breakpoint
CREATE INDEX "chain_nodes_chain_idx" ON "chain_nodes" USING btree ("chain_id","segment","position");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_placements_node_enterprise_uq" ON "chain_placements" USING btree ("node_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "chain_placements_enterprise_idx" ON "chain_placements" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "industry_chains_region_name_uq" ON "industry_chains" USING btree ("region_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "land_parcels_region_code_uq" ON "land_parcels" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "land_parcels_region_status_idx" ON "land_parcels" USING btree ("region_code","status","area_mu");--> statement-breakpoint
CREATE INDEX "land_parcels_project_idx" ON "land_parcels" USING btree ("supplied_project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parks_region_name_uq" ON "parks" USING btree ("region_code","name");