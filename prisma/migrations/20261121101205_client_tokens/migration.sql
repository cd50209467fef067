-- CreateTable
CREATE TABLE "client_tokens" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "sip_user_id" UUID,
    "identity" TEXT NOT NULL,
    "aor_user" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "client_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "location_attrs" (
    "id" SERIAL NOT NULL,
    "ruid" VARCHAR(64) NOT NULL DEFAULT '',
    "username" VARCHAR(64) NOT NULL DEFAULT '',
    "domain" VARCHAR(64),
    "aname" VARCHAR(64) NOT NULL DEFAULT '',
    "atype" INTEGER NOT NULL DEFAULT 0,
    "avalue" VARCHAR(512) NOT NULL DEFAULT '',
    "last_modified" TIMESTAMP(6) NOT NULL DEFAULT '2000-01-01 00:00:01'::timestamp without time zone,

    CONSTRAINT "location_attrs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "client_tokens_account_id_id_idx" ON "client_tokens"("account_id", "id");

-- CreateIndex
CREATE INDEX "client_tokens_sip_user_id_idx" ON "client_tokens"("sip_user_id");

-- CreateIndex
CREATE INDEX "client_tokens_expires_at_idx" ON "client_tokens"("expires_at");

-- CreateIndex
CREATE INDEX "location_attrs_account_record_idx" ON "location_attrs"("username", "domain", "ruid");

-- CreateIndex
CREATE INDEX "location_attrs_last_modified_idx" ON "location_attrs"("last_modified");

-- CreateIndex
CREATE INDEX "location_attrs_value_idx" ON "location_attrs"("aname", "avalue");

-- AddForeignKey
ALTER TABLE "client_tokens" ADD CONSTRAINT "client_tokens_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_tokens" ADD CONSTRAINT "client_tokens_sip_user_id_fkey" FOREIGN KEY ("sip_user_id") REFERENCES "sip_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Revoked client tokens that have not expired yet, for the edge's htable "revoked" (loaded at start-up,
-- so no revocation is lost across restarts). Columns named as htable's cols attribute expects them.
CREATE VIEW "kamailio_revoked_tokens" AS
SELECT t."id"::varchar(64) AS "key_name",
       floor(extract(epoch FROM t."expires_at"))::int AS "key_value"
  FROM "client_tokens" t
 WHERE t."revoked_at" IS NOT NULL AND t."expires_at" > now() AT TIME ZONE 'UTC';

CREATE OR REPLACE VIEW "kamailio_version" ("table_name", "table_version") AS
VALUES ('location'::varchar(32), 9), ('kamailio_subscribers'::varchar(32), 7), ('location_attrs'::varchar(32), 1);
