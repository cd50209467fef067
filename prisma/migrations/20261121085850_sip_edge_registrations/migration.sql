-- CreateTable
CREATE TABLE "location" (
    "id" SERIAL NOT NULL,
    "ruid" VARCHAR(64) NOT NULL DEFAULT '',
    "username" VARCHAR(64) NOT NULL DEFAULT '',
    "domain" VARCHAR(64),
    "contact" VARCHAR(512) NOT NULL DEFAULT '',
    "received" VARCHAR(128),
    "path" VARCHAR(512),
    "expires" TIMESTAMP(6) NOT NULL DEFAULT '2030-05-28 21:32:15'::timestamp without time zone,
    "q" REAL NOT NULL DEFAULT 1.0,
    "callid" VARCHAR(255) NOT NULL DEFAULT 'Default-Call-ID',
    "cseq" INTEGER NOT NULL DEFAULT 1,
    "last_modified" TIMESTAMP(6) NOT NULL DEFAULT '2000-01-01 00:00:01'::timestamp without time zone,
    "flags" INTEGER NOT NULL DEFAULT 0,
    "cflags" INTEGER NOT NULL DEFAULT 0,
    "user_agent" VARCHAR(255) NOT NULL DEFAULT '',
    "socket" VARCHAR(64),
    "methods" INTEGER,
    "instance" VARCHAR(255),
    "reg_id" INTEGER NOT NULL DEFAULT 0,
    "server_id" INTEGER NOT NULL DEFAULT 0,
    "connection_id" INTEGER NOT NULL DEFAULT 0,
    "keepalive" INTEGER NOT NULL DEFAULT 0,
    "partition" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "location_ruid_idx" ON "location"("ruid");

-- CreateIndex
CREATE INDEX "location_account_contact_idx" ON "location"("username", "domain", "contact");

-- CreateIndex
CREATE INDEX "location_expires_idx" ON "location"("expires");

-- CreateIndex
CREATE INDEX "location_tcpcon_idx" ON "location"("connection_id");

-- CreateIndex
CREATE INDEX "location_connection_idx" ON "location"("server_id", "connection_id");

-- Views read by the SIP edge (Kamailio). Prisma does not model views, so they live only here.
-- (No semicolons in comments: the driver adapter splits migration scripts on them.)

-- Digest credentials for auth_db: one row per SIP user, keyed by (username, domain = the account's
-- sipDomain, which is the digest realm). `enabled` is an integer because db_postgres hands booleans to
-- Kamailio AVPs as the strings "t"/"f".
CREATE VIEW "kamailio_subscribers" AS
SELECT u."username"::varchar(64) AS "username",
       a."sip_domain"::varchar(64) AS "domain",
       u."ha1"::varchar(64) AS "ha1",
       u."enabled"::int AS "enabled"
  FROM "sip_users" u
  JOIN "accounts" a ON a."id" = u."account_id";

-- Kamailio modules check the schema version of the tables they use (core parameter version_table).
-- A constant view. The versions are those of the schema created above, and change only with a migration.
CREATE VIEW "kamailio_version" ("table_name", "table_version") AS
VALUES ('location'::varchar(32), 9), ('kamailio_subscribers'::varchar(32), 7);
