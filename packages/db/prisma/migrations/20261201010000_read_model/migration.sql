-- The read model: what the program workflows know, projected into tables by the worker in the same transaction as
-- the audit events (apps/worker/src/activities/read-model), so lists across programs (my tasks, open majors,
-- audits in a date range, certificates, SOC 2 periods and reports) are indexed SQL queries. Every projected row
-- carries the version it was written at: the workflow's last audit sequence and its workflow time
-- (`projected_sequence`, `projected_at`); an upsert only replaces a row whose version is not newer, so retries
-- and replays never move a row backwards.

-- AlterTable: the program row's live summary.
ALTER TABLE "programs" ADD COLUMN "cycle" INTEGER,
    ADD COLUMN "at_risk" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "at_risk_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "next_milestone_kind" TEXT,
    ADD COLUMN "next_milestone_due" DATE,
    ADD COLUMN "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "projected_at" TIMESTAMPTZ(3);

-- AlterTable: findings of every kind (ISO audit findings and SOC 2 control exceptions).
ALTER TABLE "findings" ADD COLUMN "organization_id" UUID,
    ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'audit-finding',
    ADD COLUMN "cycle" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "response_due" DATE,
    ADD COLUMN "task_id" UUID,
    ADD COLUMN "links" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "overdue_escalated" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "projected_at" TIMESTAMPTZ(3),
    ALTER COLUMN "severity" DROP NOT NULL;
UPDATE "findings" AS f SET "organization_id" = p."organization_id" FROM "programs" AS p WHERE p."id" = f."program_id";
ALTER TABLE "findings" ALTER COLUMN "organization_id" SET NOT NULL;

-- AlterTable: remediation tasks as the workflows keep them. Owner emails are stored lower-cased.
ALTER TABLE "remediation_tasks" ADD COLUMN "organization_id" UUID,
    ADD COLUMN "source" TEXT NOT NULL DEFAULT 'gap-assessment',
    ADD COLUMN "cycle" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "links" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "linked_requirement_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "completed_on" DATE,
    ADD COLUMN "cancel_reason" TEXT,
    ADD COLUMN "escalated" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "projected_at" TIMESTAMPTZ(3),
    DROP COLUMN "completed_at";
UPDATE "remediation_tasks" AS t SET "organization_id" = p."organization_id", "owner_email" = lower(t."owner_email")
    FROM "programs" AS p WHERE p."id" = t."program_id";
ALTER TABLE "remediation_tasks" ALTER COLUMN "organization_id" SET NOT NULL;

-- DropIndex: replaced by the organisation-wide "my tasks" index below.
DROP INDEX "remediation_tasks_owner_email_idx";

-- CreateTable
CREATE TABLE "program_milestones" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "program_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "cycle" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "earliest" DATE,
    "due" DATE,
    "deadline" DATE,
    "scheduled" DATE,
    "actual" DATE,
    "planned_on" DATE,
    "planned_days" DECIMAL(8,2),
    "planned_cost" DECIMAL(14,2),
    "currency" TEXT,
    "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    "projected_at" TIMESTAMPTZ(3),

    CONSTRAINT "program_milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "program_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "cycle" INTEGER NOT NULL,
    "frameworks" TEXT[],
    "number" TEXT,
    "origin" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decision_date" DATE,
    "cycle_start" DATE,
    "expiry_date" DATE,
    "suspended_since" DATE,
    "suspended_until" DATE,
    "ended_on" DATE,
    "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    "projected_at" TIMESTAMPTZ(3),

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "soc2_periods" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "program_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "months" INTEGER NOT NULL,
    "fieldwork_due" DATE NOT NULL,
    "report_due" DATE NOT NULL,
    "fieldwork_scheduled" DATE,
    "fieldwork_completed" DATE,
    "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    "projected_at" TIMESTAMPTZ(3),

    CONSTRAINT "soc2_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "soc2_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "program_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "period_number" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "issued_on" DATE NOT NULL,
    "opinion" TEXT NOT NULL,
    "exception_count" INTEGER NOT NULL,
    "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    "projected_at" TIMESTAMPTZ(3),

    CONSTRAINT "soc2_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "soc2_bridge_letters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "program_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "after_period" INTEGER NOT NULL,
    "issued_on" DATE NOT NULL,
    "from_date" DATE NOT NULL,
    "to_date" DATE NOT NULL,
    "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    "projected_at" TIMESTAMPTZ(3),

    CONSTRAINT "soc2_bridge_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "soc2_coverage_gaps" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "program_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "from_date" DATE NOT NULL,
    "to_date" DATE,
    "planned" BOOLEAN NOT NULL DEFAULT false,
    "projected_sequence" INTEGER NOT NULL DEFAULT 0,
    "projected_at" TIMESTAMPTZ(3),

    CONSTRAINT "soc2_coverage_gaps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "findings_organization_id_severity_status_idx" ON "findings"("organization_id", "severity", "status");

-- CreateIndex
CREATE INDEX "remediation_tasks_my_tasks_idx" ON "remediation_tasks"("organization_id", "owner_email", "status", "due_date");

-- CreateIndex
CREATE INDEX "remediation_tasks_organization_id_status_due_date_idx" ON "remediation_tasks"("organization_id", "status", "due_date");

-- CreateIndex
CREATE UNIQUE INDEX "program_milestones_program_id_cycle_kind_key" ON "program_milestones"("program_id", "cycle", "kind");

-- CreateIndex
CREATE INDEX "program_milestones_organization_id_category_planned_on_idx" ON "program_milestones"("organization_id", "category", "planned_on");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_program_id_cycle_key" ON "certificates"("program_id", "cycle");

-- CreateIndex
CREATE INDEX "certificates_organization_id_expiry_date_idx" ON "certificates"("organization_id", "expiry_date");

-- CreateIndex
CREATE UNIQUE INDEX "soc2_periods_program_id_number_key" ON "soc2_periods"("program_id", "number");

-- CreateIndex
CREATE INDEX "soc2_periods_organization_id_end_date_idx" ON "soc2_periods"("organization_id", "end_date");

-- CreateIndex
CREATE UNIQUE INDEX "soc2_reports_program_id_type_period_number_key" ON "soc2_reports"("program_id", "type", "period_number");

-- CreateIndex
CREATE INDEX "soc2_reports_organization_id_issued_on_idx" ON "soc2_reports"("organization_id", "issued_on");

-- CreateIndex
CREATE UNIQUE INDEX "soc2_bridge_letters_program_id_after_period_to_date_key" ON "soc2_bridge_letters"("program_id", "after_period", "to_date");

-- CreateIndex
CREATE UNIQUE INDEX "soc2_coverage_gaps_program_id_from_date_key" ON "soc2_coverage_gaps"("program_id", "from_date");

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remediation_tasks" ADD CONSTRAINT "remediation_tasks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_milestones" ADD CONSTRAINT "program_milestones_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_milestones" ADD CONSTRAINT "program_milestones_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_periods" ADD CONSTRAINT "soc2_periods_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_periods" ADD CONSTRAINT "soc2_periods_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_reports" ADD CONSTRAINT "soc2_reports_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_reports" ADD CONSTRAINT "soc2_reports_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_bridge_letters" ADD CONSTRAINT "soc2_bridge_letters_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_bridge_letters" ADD CONSTRAINT "soc2_bridge_letters_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_coverage_gaps" ADD CONSTRAINT "soc2_coverage_gaps_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soc2_coverage_gaps" ADD CONSTRAINT "soc2_coverage_gaps_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
