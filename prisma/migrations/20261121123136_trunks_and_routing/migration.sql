-- CreateTable
CREATE TABLE "carriers" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "inbound_addresses" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "inbound_auth_username" TEXT,
    "inbound_auth_realm" TEXT,
    "inbound_auth_ha1" CHAR(32),
    "outbound_auth_username" TEXT,
    "outbound_auth_password" TEXT,
    "from_domain" TEXT,
    "caller_id_number" TEXT,
    "register_enabled" BOOLEAN NOT NULL DEFAULT false,
    "register_expires" INTEGER NOT NULL DEFAULT 3600,
    "register_username" TEXT,
    "register_password" TEXT,
    "registration_state" TEXT NOT NULL DEFAULT 'unregistered',
    "registration_detail" TEXT,
    "registration_since" TIMESTAMP(3),
    "registration_expires_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "carriers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "carrier_gateways" (
    "id" UUID NOT NULL,
    "carrier_id" UUID NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 5060,
    "transport" TEXT NOT NULL DEFAULT 'udp',
    "priority" INTEGER NOT NULL DEFAULT 10,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'unknown',
    "last_response" TEXT,
    "status_since" TIMESTAMP(3),
    "last_checked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "carrier_gateways_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phone_numbers" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "carrier_id" UUID,
    "route_type" TEXT NOT NULL,
    "route_target" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "voice_url" TEXT NOT NULL,
    "fallback_url" TEXT,
    "status_callback_url" TEXT,
    "secret_encrypted" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbound_routes" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 10,
    "carrier_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbound_routes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "carriers_inbound_auth_username_key" ON "carriers"("inbound_auth_username");

-- CreateIndex
CREATE INDEX "carriers_account_id_id_idx" ON "carriers"("account_id", "id");

-- CreateIndex
CREATE INDEX "carrier_gateways_carrier_id_idx" ON "carrier_gateways"("carrier_id");

-- CreateIndex
CREATE UNIQUE INDEX "phone_numbers_number_key" ON "phone_numbers"("number");

-- CreateIndex
CREATE INDEX "phone_numbers_account_id_id_idx" ON "phone_numbers"("account_id", "id");

-- CreateIndex
CREATE INDEX "applications_account_id_id_idx" ON "applications"("account_id", "id");

-- CreateIndex
CREATE INDEX "outbound_routes_account_id_priority_idx" ON "outbound_routes"("account_id", "priority");

-- AddForeignKey
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carrier_gateways" ADD CONSTRAINT "carrier_gateways_carrier_id_fkey" FOREIGN KEY ("carrier_id") REFERENCES "carriers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_carrier_id_fkey" FOREIGN KEY ("carrier_id") REFERENCES "carriers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbound_routes" ADD CONSTRAINT "outbound_routes_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbound_routes" ADD CONSTRAINT "outbound_routes_carrier_id_fkey" FOREIGN KEY ("carrier_id") REFERENCES "carriers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Registrations the edge keeps with carriers (uac module, uacreg schema version 5): one per enabled
-- carrier with register enabled, toward its first gateway. The contact it registers is
-- sip:<carrier id>@<edge>, so a call to it names the carrier. Realm empty: the realm of the challenge is used.
CREATE VIEW "kamailio_uacreg" AS
SELECT c."id"::varchar(64) AS "l_uuid",
       c."id"::varchar(64) AS "l_username",
       a."sip_domain"::varchar(64) AS "l_domain",
       COALESCE(c."register_username", c."outbound_auth_username", '')::varchar(64) AS "r_username",
       g."host"::varchar(64) AS "r_domain",
       ''::varchar(64) AS "realm",
       COALESCE(c."register_username", c."outbound_auth_username", '')::varchar(64) AS "auth_username",
       COALESCE(c."register_password", c."outbound_auth_password", '')::varchar(64) AS "auth_password",
       ''::varchar(128) AS "auth_ha1",
       concat('sip:', g."host", ':', g."port", chr(59), 'transport=', g."transport")::varchar(255) AS "auth_proxy",
       c."register_expires" AS "expires",
       0 AS "flags",
       0 AS "reg_delay",
       ''::varchar(255) AS "contact_addr",
       ''::varchar(128) AS "socket"
  FROM "carriers" c
  JOIN "accounts" a ON a."id" = c."account_id"
  JOIN LATERAL (
        SELECT * FROM "carrier_gateways" g
         WHERE g."carrier_id" = c."id"
         ORDER BY g."priority", g."created_at", g."id"
         LIMIT 1) g ON true
 WHERE c."enabled" AND c."register_enabled";

-- Digest credentials of carriers that authenticate their calls (auth_db, in the carrier realm of the platform).
CREATE VIEW "kamailio_carrier_credentials" AS
SELECT c."inbound_auth_username"::varchar(64) AS "username",
       c."inbound_auth_realm"::varchar(64) AS "domain",
       c."inbound_auth_ha1"::varchar(64) AS "ha1",
       c."enabled"::int AS "enabled"
  FROM "carriers" c
 WHERE c."inbound_auth_username" IS NOT NULL AND c."inbound_auth_ha1" IS NOT NULL;

CREATE OR REPLACE VIEW "kamailio_version" ("table_name", "table_version") AS
VALUES ('location'::varchar(32), 9), ('kamailio_subscribers'::varchar(32), 7), ('location_attrs'::varchar(32), 1),
       ('kamailio_uacreg'::varchar(32), 5), ('kamailio_carrier_credentials'::varchar(32), 7);
