CREATE TABLE "enterprise_land_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"land_mu" numeric(12, 2) NOT NULL,
	"tax_yuan" bigint NOT NULL,
	"output_yuan" bigint NOT NULL,
	"energy_tce" numeric(14, 2),
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_land_figures_land_positive" CHECK ("enterprise_land_figures"."land_mu" > 0),
	CONSTRAINT "enterprise_land_figures_amounts" CHECK ("enterprise_land_figures"."tax_yuan" >= 0 and "enterprise_land_figures"."output_yuan" >= 0),
	CONSTRAINT "enterprise_land_figures_energy" CHECK ("enterprise_land_figures"."energy_tce" is null or "enterprise_land_figures"."energy_tce" >= 0)
);
--> statement-breakpoint
CREATE TABLE "land_efficiency_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"a_tax_wan_per_mu" numeric(12, 2) NOT NULL,
	"a_output_wan_per_mu" numeric(12, 2) NOT NULL,
	"b_tax_wan_per_mu" numeric(12, 2) NOT NULL,
	"b_output_wan_per_mu" numeric(12, 2) NOT NULL,
	"c_tax_wan_per_mu" numeric(12, 2) NOT NULL,
	"c_output_wan_per_mu" numeric(12, 2) NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "land_efficiency_thresholds_ordered" CHECK ("land_efficiency_thresholds"."c_tax_wan_per_mu" >= 0 and "land_efficiency_thresholds"."c_output_wan_per_mu" >= 0 and "land_efficiency_thresholds"."b_tax_wan_per_mu" >= "land_efficiency_thresholds"."c_tax_wan_per_mu" and "land_efficiency_thresholds"."b_output_wan_per_mu" >= "land_efficiency_thresholds"."c_output_wan_per_mu" and "land_efficiency_thresholds"."a_tax_wan_per_mu" >= "land_efficiency_thresholds"."b_tax_wan_per_mu" and "land_efficiency_thresholds"."a_output_wan_per_mu" >= "land_efficiency_thresholds"."b_output_wan_per_mu")
);
--> statement-breakpoint
ALTER TABLE "enterprise_land_figures" ADD CONSTRAINT "enterprise_land_figures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_land_figures" ADD CONSTRAINT "enterprise_land_figures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_thresholds" ADD CONSTRAINT "land_efficiency_thresholds_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_efficiency_thresholds" ADD CONSTRAINT "land_efficiency_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_land_figures_year_uq" ON "enterprise_land_figures" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "land_efficiency_thresholds_region_year_uq" ON "land_efficiency_thresholds" USING btree ("region_code","year");