-- CreateTable
CREATE TABLE "dashboard_sessions" (
    "id" UUID NOT NULL,
    "token_hash" BYTEA NOT NULL,
    "role" TEXT NOT NULL,
    "account_id" UUID,
    "api_key_id" UUID,
    "admin_key_hash" BYTEA,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dashboard_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sip_messages" (
    "id" BIGSERIAL NOT NULL,
    "sip_call_id" TEXT NOT NULL,
    "captured_at_us" BIGINT NOT NULL,
    "source_ip" TEXT NOT NULL,
    "source_port" INTEGER NOT NULL,
    "destination_ip" TEXT NOT NULL,
    "destination_port" INTEGER NOT NULL,
    "transport" TEXT NOT NULL,
    "method" TEXT,
    "status_code" INTEGER,
    "reason_phrase" TEXT,
    "cseq" TEXT NOT NULL,
    "payload" TEXT NOT NULL,

    CONSTRAINT "sip_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dashboard_sessions_token_hash_key" ON "dashboard_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "dashboard_sessions_expires_at_idx" ON "dashboard_sessions"("expires_at");

-- CreateIndex
CREATE INDEX "sip_messages_sip_call_id_captured_at_us_idx" ON "sip_messages"("sip_call_id", "captured_at_us");

-- CreateIndex
CREATE INDEX "sip_messages_captured_at_us_idx" ON "sip_messages"("captured_at_us");

-- AddForeignKey
ALTER TABLE "dashboard_sessions" ADD CONSTRAINT "dashboard_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dashboard_sessions" ADD CONSTRAINT "dashboard_sessions_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

