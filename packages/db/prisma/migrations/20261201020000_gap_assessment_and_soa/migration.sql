-- Gap assessment from the catalog and the Statement of Applicability (issue 11, part B): the organisation's
-- implementation status per catalog requirement (reused by every program), each program's gap assessment with
-- its answers, and each ISO program's Statement of Applicability entries. Every change is also written to
-- audit_events by the API, in the same transaction.

-- CreateEnum: the catalog's implementation statuses (@certflow/catalog `implementationStatuses`).
CREATE TYPE "ImplementationStatus" AS ENUM ('implemented', 'partial', 'not_implemented', 'not_applicable');

-- CreateEnum
CREATE TYPE "GapAssessmentStatus" AS ENUM ('DRAFT', 'FINALISING', 'FINALISED');

-- CreateTable
CREATE TABLE "requirement_statuses" (
    "organization_id" UUID NOT NULL,
    "requirement_id" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "status" "ImplementationStatus" NOT NULL,
    "owner_email" TEXT,
    "evidence" TEXT,
    "note" TEXT,
    "justification" TEXT,
    "source" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "requirement_statuses_pkey" PRIMARY KEY ("organization_id", "requirement_id"),
    -- Hand-written: the framework column is the id's prefix, kept apart only so it can be indexed.
    CONSTRAINT "requirement_statuses_framework_prefix" CHECK (starts_with("requirement_id", "framework" || ':')),
    -- Hand-written: an auditor expects every "not applicable" to say why.
    CONSTRAINT "requirement_statuses_not_applicable_justified"
        CHECK ("status" <> 'not_applicable' OR length(btrim(coalesce("justification", ''))) >= 10)
);

-- CreateTable
CREATE TABLE "gap_assessments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "frameworks" TEXT[],
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "GapAssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "started_by" TEXT NOT NULL,
    "submission" JSONB,
    "completed_on" DATE,
    "finalised_by" TEXT,
    "finalised_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gap_assessments_pkey" PRIMARY KEY ("id"),
    -- Hand-written: what is sent to the workflow is frozen before it is sent, and kept.
    CONSTRAINT "gap_assessments_submission_frozen" CHECK ("status" = 'DRAFT' OR "submission" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "gap_assessment_items" (
    "gap_assessment_id" UUID NOT NULL,
    "requirement_id" TEXT NOT NULL,
    "status" "ImplementationStatus" NOT NULL,
    "owner_email" TEXT,
    "evidence" TEXT,
    "note" TEXT,
    "justification" TEXT,
    "task_title" TEXT,
    "task_owner_email" TEXT,
    "task_due_date" DATE,
    "suggested_status" "ImplementationStatus" NOT NULL,
    "suggested_basis" TEXT NOT NULL,
    "answered_by" TEXT NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL,
    "task_id" TEXT,

    CONSTRAINT "gap_assessment_items_pkey" PRIMARY KEY ("gap_assessment_id", "requirement_id"),
    CONSTRAINT "gap_assessment_items_not_applicable_justified"
        CHECK ("status" <> 'not_applicable' OR length(btrim(coalesce("justification", ''))) >= 10)
);

-- CreateTable
CREATE TABLE "soa_entries" (
    "program_id" UUID NOT NULL,
    "requirement_id" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "applicable" BOOLEAN NOT NULL,
    "justification" TEXT,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "soa_entries_pkey" PRIMARY KEY ("program_id", "requirement_id"),
    -- Hand-written: ISO/IEC 27001 6.1.3 d) — every exclusion is justified.
    CONSTRAINT "soa_entries_exclusion_justified"
        CHECK ("applicable" OR length(btrim(coalesce("justification", ''))) >= 10)
);

-- CreateIndex
CREATE INDEX "requirement_statuses_organization_id_framework_idx" ON "requirement_statuses"("organization_id", "framework");

-- CreateIndex
CREATE UNIQUE INDEX "gap_assessments_program_id_key" ON "gap_assessments"("program_id");

-- CreateIndex
CREATE INDEX "gap_assessments_organization_id_idx" ON "gap_assessments"("organization_id");

-- CreateIndex
CREATE INDEX "soa_entries_organization_id_idx" ON "soa_entries"("organization_id");

-- AddForeignKey
ALTER TABLE "requirement_statuses" ADD CONSTRAINT "requirement_statuses_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gap_assessments" ADD CONSTRAINT "gap_assessments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gap_assessments" ADD CONSTRAINT "gap_assessments_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gap_assessment_items" ADD CONSTRAINT "gap_assessment_items_gap_assessment_id_fkey" FOREIGN KEY ("gap_assessment_id") REFERENCES "gap_assessments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
