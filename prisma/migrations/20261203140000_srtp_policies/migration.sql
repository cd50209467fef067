-- SRTP (SDES) policy per SIP user and per carrier: off, offer (SRTP with a plain-RTP fallback) or require.
CREATE TYPE "srtp_policy" AS ENUM ('off', 'offer', 'require');

ALTER TABLE "carriers" ADD COLUMN     "srtp" "srtp_policy" NOT NULL DEFAULT 'off';

ALTER TABLE "sip_users" ADD COLUMN     "srtp" "srtp_policy" NOT NULL DEFAULT 'offer';

-- The edge reads the policy with a caller's credentials (auth_db load_credentials reads `srtp` from both
-- views) and a called SIP user's with is_subscriber() on kamailio_subscribers: always the current value.
CREATE OR REPLACE VIEW "kamailio_subscribers" AS
SELECT u."username"::varchar(64) AS "username",
       a."sip_domain"::varchar(64) AS "domain",
       u."ha1"::varchar(64) AS "ha1",
       u."enabled"::int AS "enabled",
       u."srtp"::text AS "srtp"
  FROM "sip_users" u
  JOIN "accounts" a ON a."id" = u."account_id";

CREATE OR REPLACE VIEW "kamailio_carrier_credentials" AS
SELECT c."inbound_auth_username"::varchar(64) AS "username",
       c."inbound_auth_realm"::varchar(64) AS "domain",
       c."inbound_auth_ha1"::varchar(64) AS "ha1",
       c."enabled"::int AS "enabled",
       c."srtp"::text AS "srtp"
  FROM "carriers" c
 WHERE c."inbound_auth_username" IS NOT NULL AND c."inbound_auth_ha1" IS NOT NULL;
