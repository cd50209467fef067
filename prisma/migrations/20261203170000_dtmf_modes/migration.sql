-- DTMF per SIP user and per carrier: how its endpoints send and receive digits (RFC 4733 telephone-events in
-- the media, or SIP INFO). The edge converts between the two when the legs of a call differ.
CREATE TYPE "dtmf_mode" AS ENUM ('rfc4733', 'info');

ALTER TABLE "carriers" ADD COLUMN     "dtmf" "dtmf_mode" NOT NULL DEFAULT 'rfc4733';

ALTER TABLE "sip_users" ADD COLUMN     "dtmf" "dtmf_mode" NOT NULL DEFAULT 'rfc4733';

-- Digits are sensitive (PINs, card numbers): a call record keeps them only when its account asks.
ALTER TABLE "accounts" ADD COLUMN     "record_dtmf" BOOLEAN NOT NULL DEFAULT false;

-- The digits of a call (0-9, *, #, A-D) in the order the edge saw them, kept when the account records DTMF.
ALTER TABLE "calls" ADD COLUMN     "dtmf_digits" TEXT;

-- The edge reads the mode with a caller's credentials (auth_db load_credentials) and a called SIP user's with
-- is_subscriber(), as it reads the SRTP policy.
CREATE OR REPLACE VIEW "kamailio_subscribers" AS
SELECT u."username"::varchar(64) AS "username",
       a."sip_domain"::varchar(64) AS "domain",
       u."ha1"::varchar(64) AS "ha1",
       u."enabled"::int AS "enabled",
       u."srtp"::text AS "srtp",
       u."dtmf"::text AS "dtmf"
  FROM "sip_users" u
  JOIN "accounts" a ON a."id" = u."account_id";

CREATE OR REPLACE VIEW "kamailio_carrier_credentials" AS
SELECT c."inbound_auth_username"::varchar(64) AS "username",
       c."inbound_auth_realm"::varchar(64) AS "domain",
       c."inbound_auth_ha1"::varchar(64) AS "ha1",
       c."enabled"::int AS "enabled",
       c."srtp"::text AS "srtp",
       c."dtmf"::text AS "dtmf"
  FROM "carriers" c
 WHERE c."inbound_auth_username" IS NOT NULL AND c."inbound_auth_ha1" IS NOT NULL;
