-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "application_id" UUID;

-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "application_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "webhook_endpoints_application_id_key" ON "webhook_endpoints"("application_id");

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Carrier registrations toward an IPv6 gateway: the address goes in brackets in SIP URIs.
CREATE OR REPLACE VIEW "kamailio_uacreg" AS
SELECT c."id"::varchar(64) AS "l_uuid",
       c."id"::varchar(64) AS "l_username",
       a."sip_domain"::varchar(64) AS "l_domain",
       COALESCE(c."register_username", c."outbound_auth_username", '')::varchar(64) AS "r_username",
       g."uri_host"::varchar(64) AS "r_domain",
       ''::varchar(64) AS "realm",
       COALESCE(c."register_username", c."outbound_auth_username", '')::varchar(64) AS "auth_username",
       COALESCE(c."register_password", c."outbound_auth_password", '')::varchar(64) AS "auth_password",
       ''::varchar(128) AS "auth_ha1",
       concat('sip:', g."uri_host", ':', g."port", chr(59), 'transport=', g."transport")::varchar(255) AS "auth_proxy",
       c."register_expires" AS "expires",
       0 AS "flags",
       0 AS "reg_delay",
       ''::varchar(255) AS "contact_addr",
       ''::varchar(128) AS "socket"
  FROM "carriers" c
  JOIN "accounts" a ON a."id" = c."account_id"
  JOIN LATERAL (
        SELECT CASE WHEN g."host" LIKE '%:%' THEN concat('[', g."host", ']') ELSE g."host" END AS "uri_host",
               g."port", g."transport"
          FROM "carrier_gateways" g
         WHERE g."carrier_id" = c."id"
         ORDER BY g."priority", g."created_at", g."id"
         LIMIT 1) g ON true
 WHERE c."enabled" AND c."register_enabled";
