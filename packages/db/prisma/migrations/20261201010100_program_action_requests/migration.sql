-- Idempotency of workflow actions (POST /programs/{id}/actions/*): one row per organisation and Idempotency-Key,
-- holding the request's hash and, once answered, the response, so a retry returns the first answer and runs
-- nothing. The row's id is the Temporal update id, so a retry after a crash between the update and the answer is
-- deduplicated by Temporal itself.

-- CreateTable
CREATE TABLE "program_action_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "program_action_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "program_action_requests_organization_id_idempotency_key_key" ON "program_action_requests"("organization_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "program_action_requests_program_id_created_at_idx" ON "program_action_requests"("program_id", "created_at");

-- AddForeignKey
ALTER TABLE "program_action_requests" ADD CONSTRAINT "program_action_requests_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_action_requests" ADD CONSTRAINT "program_action_requests_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
