-- The edge's view of carriers' inbound addresses (Kamailio permissions module, address table version 6):
-- an INVITE to the edge's own address without credentials is passed to the platform only from one of them.
CREATE VIEW "kamailio_carrier_addresses" ("id", "grp", "ip_addr", "mask", "port", "tag") AS
SELECT (row_number() OVER ())::integer,
       1,
       host(a.address::inet)::varchar(50),
       masklen(a.address::inet),
       0,
       c.id::text::varchar(64)
  FROM "carriers" c, unnest(c."inbound_addresses") AS a(address)
 WHERE c."enabled";

CREATE OR REPLACE VIEW "kamailio_version" ("table_name", "table_version") AS
VALUES ('location'::varchar(32), 9), ('kamailio_subscribers'::varchar(32), 7), ('location_attrs'::varchar(32), 1),
       ('kamailio_uacreg'::varchar(32), 5), ('kamailio_carrier_credentials'::varchar(32), 7),
       ('kamailio_carrier_addresses'::varchar(32), 6);
