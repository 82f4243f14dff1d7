CREATE TABLE "scheduled_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"recall_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"notification_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scheduled_notices" ADD CONSTRAINT "scheduled_notices_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_notices" ADD CONSTRAINT "scheduled_notices_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_notices" ADD CONSTRAINT "scheduled_notices_recall_id_recalls_id_fk" FOREIGN KEY ("recall_id") REFERENCES "public"."recalls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_notices_status_due_idx" ON "scheduled_notices" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "scheduled_notices_appointment_idx" ON "scheduled_notices" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "scheduled_notices_recall_idx" ON "scheduled_notices" USING btree ("recall_id");--> statement-breakpoint
CREATE UNIQUE INDEX "doctor_schedules_calendar_token_key" ON "doctor_schedules" USING btree ("calendar_token");--> statement-breakpoint
CREATE INDEX "recalls_doctor_status_due_idx" ON "recalls" USING btree ("doctor_id","status","due_at","id");--> statement-breakpoint
CREATE INDEX "recalls_patient_doctor_idx" ON "recalls" USING btree ("patient_id","doctor_id","status");--> statement-breakpoint
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_time_check" CHECK ("time_off"."end_at" > "time_off"."start_at");