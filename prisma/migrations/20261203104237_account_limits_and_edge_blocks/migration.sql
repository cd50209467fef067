-- Per-account limits set by the admin (NULL: the platform default).
ALTER TABLE "accounts" ADD COLUMN "max_requests_per_second" INTEGER,
ADD COLUMN "max_concurrent_calls" INTEGER,
ADD COLUMN "max_registrations" INTEGER;

-- Sources the edge blocked (its ipban table), as it reported them on its events stream.
CREATE TABLE "edge_blocks" (
    "ip" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "blocked_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "edge_blocks_pkey" PRIMARY KEY ("ip")
);

CREATE INDEX "edge_blocks_expires_at_idx" ON "edge_blocks"("expires_at");

-- The edge's htable acctlimits (loaded at start): `<sipDomain>::calls` → concurrent calls,
-- `<sipDomain>::regs` → registrations (contacts), only for accounts that have such a limit.
CREATE VIEW "kamailio_account_limits" ("key_name", "key_value") AS
SELECT a."sip_domain" || '::calls', a."max_concurrent_calls"::text
  FROM "accounts" a
 WHERE a."max_concurrent_calls" IS NOT NULL
UNION ALL
SELECT a."sip_domain" || '::regs', a."max_registrations"::text
  FROM "accounts" a
 WHERE a."max_registrations" IS NOT NULL;
