-- Cost burn (issue 12, part B): budget lines per program and calendar year, and actual costs people record
-- against them. Costs of audits the workflows held are not copied here: they are read from program_milestones
-- (their frozen planned cost), so there is one record of each. Every change is also written to audit_events by
-- the API, in the same transaction.

-- CreateTable
CREATE TABLE "budget_lines" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "figures" JSONB NOT NULL DEFAULT '{}',
    "created_by" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "budget_lines_pkey" PRIMARY KEY ("id"),
    -- Hand-written: the kinds of @certflow/contracts `budgetLineKinds`, and amounts that cannot be negative.
    CONSTRAINT "budget_lines_kind" CHECK ("kind" IN ('certification-body', 'cpa-firm', 'consultants', 'tooling', 'internal-hours')),
    CONSTRAINT "budget_lines_amount" CHECK ("amount" >= 0)
);

-- CreateTable
CREATE TABLE "cost_actuals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "budget_line_id" UUID NOT NULL,
    "incurred_on" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cost_actuals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cost_actuals_amount" CHECK ("amount" > 0)
);

-- CreateIndex
CREATE INDEX "budget_lines_organization_id_year_idx" ON "budget_lines"("organization_id", "year");

-- CreateIndex
CREATE INDEX "budget_lines_program_id_year_idx" ON "budget_lines"("program_id", "year");

-- CreateIndex
CREATE INDEX "cost_actuals_organization_id_incurred_on_idx" ON "cost_actuals"("organization_id", "incurred_on");

-- CreateIndex
CREATE INDEX "cost_actuals_budget_line_id_idx" ON "cost_actuals"("budget_line_id");

-- AddForeignKey
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cost_actuals" ADD CONSTRAINT "cost_actuals_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cost_actuals" ADD CONSTRAINT "cost_actuals_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey: a line with actuals cannot be deleted (the API answers 409 first).
ALTER TABLE "cost_actuals" ADD CONSTRAINT "cost_actuals_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
