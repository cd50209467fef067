// Generated from the API's OpenAPI document by `npm run api:generate` (openapi-typescript): do not edit.

export type paths = {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics, for a scraper with Authorization: Bearer <METRICS_TOKEN>. */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling account’s settings. */
        get: operations["AccountSettingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the calling account’s settings (the fields given). */
        patch: operations["AccountSettingsController_update"];
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AccountsController_list"];
        put?: never;
        post: operations["AccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AccountsController_get"];
        put?: never;
        post?: never;
        delete: operations["AccountsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ApiKeysController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the account’s limits (a field that is null or absent: the platform default / no limit).
         * @description requestsPerSecond applies to the API within 5 s; concurrentCalls and registrations reach the SIP edge through the worker.
         */
        put: operations["AccountsController_setLimits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/edge-blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sources the SIP edge blocks now (failed authentications, floods, scanners). */
        get: operations["EdgeBlocksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/edge-blocks/{ip}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift the edge’s block of a source (the worker tells the edge within a second). */
        delete: operations["EdgeBlocksController_clear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApiKeysController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_list"];
        put?: never;
        post: operations["ApplicationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_get"];
        put?: never;
        post?: never;
        delete: operations["ApplicationsController_delete"];
        options?: never;
        head?: never;
        patch: operations["ApplicationsController_update"];
        trace?: never;
    };
    "/v1/applications/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; requests from now on are signed with the new one. */
        post: operations["ApplicationsController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CallsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CallsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}/hangup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CallsController_hangup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}/sip-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SIP messages the edge sent and received for this call (its ladder), in capture order.
         * @description Captured by the edge (HEP) and kept SIP_TRACE_RETENTION_HOURS; empty when capture is off.
         */
        get: operations["CallsController_sipMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/carriers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CarriersController_list"];
        put?: never;
        /**
         * Add a SIP trunk.
         * @description Passwords are never returned: inbound.auth is stored as an HA1 digest, outbound.auth and register credentials as given (they are presented to the carrier).
         */
        post: operations["CarriersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/carriers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CarriersController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a carrier.
         * @description Its gateways and the outbound routes to it are deleted with it; phone numbers that name it stay, with carrierId null. The edge drops its registration with the carrier.
         */
        delete: operations["CarriersController_delete"];
        options?: never;
        head?: never;
        /**
         * Change a carrier.
         * @description Every field is optional. In inbound, outbound and outbound.register, the fields given replace those fields; `auth: null` removes credentials. outbound.gateways is the full new list: a gateway with the host, port and transport of an existing one keeps its id and health.
         */
        patch: operations["CarriersController_update"];
        trace?: never;
    };
    "/v1/client-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ClientTokensController_list"];
        put?: never;
        post: operations["ClientTokensController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/client-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ClientTokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events: which of the account’s lists changed (refetch them).
         * @description Event names: registrations, calls, webhook-deliveries, carriers (data: {"accountId": …}); ping every 15 s.
         */
        get: operations["LiveController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outbound-routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The routes in the order they are tried: by priority, then the longest prefix first. */
        get: operations["OutboundRoutesController_list"];
        put?: never;
        /**
         * Route calls to numbers with a prefix to a carrier.
         * @description A route is deleted with its carrier.
         */
        post: operations["OutboundRoutesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outbound-routes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OutboundRoutesController_get"];
        put?: never;
        post?: never;
        delete: operations["OutboundRoutesController_delete"];
        options?: never;
        head?: never;
        patch: operations["OutboundRoutesController_update"];
        trace?: never;
    };
    "/v1/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PhoneNumbersController_list"];
        put?: never;
        post: operations["PhoneNumbersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PhoneNumbersController_get"];
        put?: never;
        post?: never;
        delete: operations["PhoneNumbersController_delete"];
        options?: never;
        head?: never;
        patch: operations["PhoneNumbersController_update"];
        trace?: never;
    };
    "/v1/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RegistrationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_describe"];
        put?: never;
        /** Sign in with an API key: sets the HttpOnly, SameSite=Strict callwire_session cookie. */
        post: operations["SessionsController_signIn"];
        delete: operations["SessionsController_signOut"];
        options?: never;
        head?: never;
        /** Admin sessions: switch into an account, or leave it (null). */
        patch: operations["SessionsController_switchAccount"];
        trace?: never;
    };
    "/v1/sip-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SipUsersController_list"];
        put?: never;
        post: operations["SipUsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sip-users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SipUsersController_get"];
        put?: never;
        post?: never;
        delete: operations["SipUsersController_delete"];
        options?: never;
        head?: never;
        patch: operations["SipUsersController_update"];
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver the same event (same webhook-id) again, with a fresh run of attempts. */
        post: operations["WebhookDeliveriesController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_list"];
        put?: never;
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        delete: operations["WebhooksController_delete"];
        options?: never;
        head?: never;
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries, newest first. */
        get: operations["WebhooksController_listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; attempts from now on are signed with the new one. */
        post: operations["WebhooksController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        AccountDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            limits: components["schemas"]["AccountLimitsDto"];
            name: string;
            sipDomain: string;
        };
        AccountLimitsDto: {
            /**
             * @description Calls of the account at the SIP edge at once (the edge refuses more). null: no limit.
             * @example 10
             */
            concurrentCalls: number | null;
            /**
             * @description Registered contacts of the account at the SIP edge (the edge refuses more). null: no limit.
             * @example 50
             */
            registrations: number | null;
            /**
             * @description API requests per second over all of the account’s keys and sessions (429 beyond). null: API_RATE_LIMIT_PER_ACCOUNT.
             * @example 20
             */
            requestsPerSecond: number | null;
        };
        AccountPageDto: {
            data: components["schemas"]["AccountDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        AccountSettingsDto: {
            /** @description Keep the DTMF digits sent during the account’s calls on the call records (dtmfDigits), whether sent as RFC 4733 telephone-events or SIP INFO. Off by default: digits are often PINs or card numbers. Digits sent while it is off are never stored. */
            recordDtmf: boolean;
        };
        ApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /** @description Public part of the key, shown in listings. */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        ApiKeyPageDto: {
            data: components["schemas"]["ApiKeyDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ApplicationDto: {
            /** Format: date-time */
            createdAt: string;
            fallbackUrl: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            statusCallbackUrl: string | null;
            /** Format: date-time */
            updatedAt: string;
            voiceUrl: string;
        };
        ApplicationPageDto: {
            data: components["schemas"]["ApplicationDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ApplicationSecretDto: {
            /**
             * @description Shown only in this response.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            signingSecret: string;
        };
        CallDto: {
            /** Format: date-time */
            answeredAt: string | null;
            /**
             * @description The codec of the callee's leg: another than the caller's when the media is transcoded.
             * @example PCMU
             */
            calleeCodec: string | null;
            /**
             * @description The codec of the caller's leg (encoding name as in SDP: PCMU, PCMA, G722, opus, …), from the last answer with SDP (183 early media or 200); null when none had SDP.
             * @example opus
             */
            callerCodec: string | null;
            /**
             * @description internal: between endpoints of the account.
             * @example internal
             */
            direction: string;
            /**
             * @description The DTMF digits sent during the call by either side (RFC 4733 or SIP INFO), in order. Only for accounts that record DTMF (PATCH /v1/account-settings recordDtmf) and calls where a digit was sent while it was on.
             * @example 1234#
             */
            dtmfDigits?: string;
            /** @description From answer to end; 0 if never answered. */
            durationMs: number | null;
            /** Format: date-time */
            endedAt: string | null;
            /** @example sip:alice@acme.callwire.localhost */
            from: string;
            /** @enum {string|null} */
            hangupBy: "caller" | "callee" | "edge" | null;
            /** Format: uuid */
            id: string;
            reason: string | null;
            /** Format: date-time */
            ringingAt: string | null;
            /** @description The SIP Call-ID. */
            sipCallId: string;
            /** @description Final SIP status (200 for an answered call). */
            sipStatus: number | null;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
            /** @example sip:client.bob@acme.callwire.localhost */
            to: string;
            /** @description The caller's transport. */
            transport: string | null;
        };
        CallPageDto: {
            data: components["schemas"]["CallDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CarrierCredentialDto: {
            username: string;
        };
        CarrierCredentialsInputDto: {
            password: string;
            /** @example 4155550100 */
            username: string;
        };
        CarrierDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description How this endpoint sends and receives DTMF digits on its leg of a call. `rfc4733`: telephone-events in the media (RFC 4733, also known as RFC 2833), what browsers and most phones and carriers use. `info`: SIP INFO requests (application/dtmf-relay or application/dtmf). When the two legs of a call differ the edge converts: an INFO becomes telephone-events toward the other side and telephone-events become INFO requests. */
            dtmf: components["schemas"]["DtmfMode"];
            enabled: boolean;
            /** Format: uuid */
            id: string;
            inbound: components["schemas"]["CarrierInboundDto"];
            name: string;
            outbound: components["schemas"]["CarrierOutboundDto"];
            /** @description Media encryption (SDES-SRTP) on this endpoint's leg of a call. `off`: plain RTP only (the edge offers RTP/AVP without crypto). `offer`: SRTP offered with a plain-RTP fallback (RTP/AVP with a=crypto, OSRTP), whatever the endpoint offers is accepted. `require`: RTP/SAVP only; a call it places offering plain RTP is refused with 488. The edge converts between SRTP and RTP (and to DTLS-SRTP for browsers) when the two legs differ. */
            srtp: components["schemas"]["SrtpPolicy"];
            /** Format: date-time */
            updatedAt: string;
        };
        CarrierGatewayDto: {
            health: components["schemas"]["CarrierGatewayHealthDto"];
            /** @example sip.carrier.example */
            host: string;
            /** Format: uuid */
            id: string;
            /** @example 5060 */
            port: number;
            /** @example 10 */
            priority: number;
            /** @enum {string} */
            transport: "udp" | "tcp" | "tls";
            /** @example 1 */
            weight: number;
        };
        CarrierGatewayHealthDto: {
            /** Format: date-time */
            lastCheckedAt: string | null;
            /** @example 200 OK */
            lastResponse: string | null;
            /**
             * Format: date-time
             * @description Since when in this status.
             */
            since: string | null;
            /**
             * @description From the OPTIONS checks of the worker.
             * @enum {string}
             */
            status: "unknown" | "up" | "down";
        };
        CarrierGatewayInputDto: {
            /**
             * @description A hostname, an IPv4 address or an IPv6 address (stored without brackets, canonical): public addresses only unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).
             * @example sip.carrier.example
             */
            host: string;
            /** @default 5060 */
            port?: number;
            /**
             * @description Lower first.
             * @default 10
             */
            priority?: number;
            /**
             * @default udp
             * @enum {string}
             */
            transport?: "udp" | "tcp" | "tls";
            /**
             * @description Share of the calls among gateways of the same priority.
             * @default 1
             */
            weight?: number;
        };
        CarrierInboundAuthInputDto: {
            password: string;
            /**
             * @description Unique platform-wide.
             * @example acme-trunk
             */
            username: string;
        };
        CarrierInboundDto: {
            /**
             * @example [
             *       "203.0.113.0/24",
             *       "198.51.100.7/32"
             *     ]
             */
            allowedAddresses: string[];
            auth: components["schemas"]["CarrierCredentialDto"] | null;
        };
        CarrierInboundInputDto: {
            /**
             * @description Source addresses the carrier calls from: CIDRs or bare addresses (stored as /32 or /128).
             * @example [
             *       "203.0.113.0/24",
             *       "198.51.100.7"
             *     ]
             */
            allowedAddresses?: string[];
            /** @description Digest credentials the carrier authenticates its calls with; null removes them. */
            auth?: components["schemas"]["CarrierInboundAuthInputDto"] | null;
        };
        CarrierOutboundDto: {
            /** @description The password is never returned. */
            auth: components["schemas"]["CarrierCredentialDto"] | null;
            callerIdNumber: string | null;
            fromDomain: string | null;
            /** @description By priority (lower first), then oldest first. */
            gateways: components["schemas"]["CarrierGatewayDto"][];
            register: components["schemas"]["CarrierRegistrationDto"];
        };
        CarrierPageDto: {
            data: components["schemas"]["CarrierDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        CarrierRegisterInputDto: {
            /** @description Keep a registration with the carrier (toward its first gateway). */
            enabled: boolean;
            /** @default 3600 */
            expires?: number;
            /** @description outbound.auth's when absent. */
            password?: string | null;
            /** @description The registration's user and digest username; outbound.auth's when absent. */
            username?: string | null;
        };
        CarrierRegistrationDto: {
            /** @example 403 Forbidden */
            detail: string | null;
            enabled: boolean;
            /** @example 3600 */
            expires: number;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            since: string | null;
            /**
             * @description The edge's registration with the carrier, as the worker last read it.
             * @enum {string}
             */
            state: "unregistered" | "registering" | "registered" | "failed";
            /** @description register.username as set (not outbound.auth). */
            username: string | null;
        };
        ClientTokenDto: {
            /** Format: date-time */
            expiresAt: string;
            /** @description STUN and TURN for RTCPeerConnection (TURN credentials valid as long as the token). */
            iceServers: components["schemas"]["IceServerDto"][];
            /** Format: uuid */
            id: string;
            /** @description The SIP username, or the client identity. */
            identity: string;
            sip: components["schemas"]["ClientTokenSipDto"];
            /** @example sip:client.bob@acme.callwire.localhost */
            sipUri: string;
            /** Format: uuid */
            sipUserId?: string | null;
            /** @description Opaque: hand it to the browser SDK, `Callwire.Phone.connect({ token })`. Other SIP clients use `sip` and `iceServers`. */
            token: string;
            /** @example wss://edge.example.com:8443 */
            wsUrl: string;
        };
        ClientTokenPageDto: {
            data: components["schemas"]["ClientTokenSummaryDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        ClientTokenSipDto: {
            /**
             * @description Digest username (SIP.js `authorizationUsername`, JsSIP `authorization_user`): `<expiry>:<token id>:<user>@<sipDomain>`.
             * @example 1767225600:0190b6c4-…:client.bob@acme.callwire.localhost
             */
            authorizationUser: string;
            /** @description Digest password (SIP.js `authorizationPassword`, JsSIP `password`). */
            password: string;
            /**
             * @description Digest realm: the account's sipDomain.
             * @example acme.callwire.localhost
             */
            realm: string;
            /**
             * @description Longest registration to ask for, in seconds (REGISTER Expires): never beyond the token's remaining lifetime. The edge lowers longer requests.
             * @example 3600
             */
            registerExpiresMax: number;
            /**
             * @description Address of record to register (SIP.js `uri`, JsSIP `uri`).
             * @example sip:client.bob@acme.callwire.localhost
             */
            uri: string;
            /**
             * @description The edge's SIP-over-WebSocket URL (subprotocol `sip`; SIP.js `transportOptions.server`).
             * @example wss://edge.example.com:8443
             */
            wsServer: string;
        };
        ClientTokenSummaryDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** @description The SIP username, or the client identity. */
            identity: string;
            /** @example sip:client.bob@acme.callwire.localhost */
            sipUri: string;
            /** Format: uuid */
            sipUserId?: string | null;
        };
        CreateAccountDto: {
            /** @example Acme Inc */
            name: string;
            /**
             * @description SIP domain and digest realm of the account. Default: derived from the name.
             * @example acme.sip.example.com
             */
            sipDomain?: string;
        };
        CreateApiKeyDto: {
            /**
             * Format: date-time
             * @description The key stops working at this time (left out or null: never).
             */
            expiresAt?: string | null;
            /** @example production backend */
            name: string;
        };
        CreateApplicationDto: {
            /** @description Asked when voiceUrl fails or does not answer in time. */
            fallbackUrl?: string | null;
            /** @example IVR */
            name: string;
            /** @description Where the call's status changes are POSTed. */
            statusCallbackUrl?: string | null;
            /**
             * @description Where each call is POSTed (signed with the signing secret); the JSON answer says what to do. Like every URL of an application, its host must be public unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).
             * @example https://example.com/callwire/voice
             */
            voiceUrl: string;
        };
        CreateCarrierDto: {
            /**
             * @description DTMF on this endpoint's leg of a call: see the dtmf field of the resource.
             * @default rfc4733
             */
            dtmf?: components["schemas"]["DtmfMode"];
            /**
             * @description A disabled carrier takes and gets no calls.
             * @default true
             */
            enabled?: boolean;
            inbound?: components["schemas"]["CarrierInboundInputDto"];
            /** @example Carrier X */
            name: string;
            outbound?: components["schemas"]["CreateCarrierOutboundInputDto"];
            /**
             * @description Media encryption on this endpoint's leg of a call: see the srtp field of the resource.
             * @default off
             */
            srtp?: components["schemas"]["SrtpPolicy"];
        };
        CreateCarrierOutboundInputDto: {
            /** @description Digest credentials for calls to the carrier (the password is never returned); null removes them. */
            auth?: components["schemas"]["CarrierCredentialsInputDto"] | null;
            /**
             * @description Caller ID for calls to the carrier: E.164 or digits.
             * @example +14155550100
             */
            callerIdNumber?: string | null;
            /**
             * @description Domain of From.
             * @example carrier.example
             */
            fromDomain?: string | null;
            /** @description Where calls to the carrier go, tried by priority (lower first), then by weight. In PATCH, the full new list: a gateway with the host, port and transport of an existing one keeps its id and health. */
            gateways?: components["schemas"]["CarrierGatewayInputDto"][];
            /** @description Needs a gateway, and credentials: username and password here or outbound.auth. */
            register?: components["schemas"]["CarrierRegisterInputDto"];
        };
        CreateClientTokenDto: {
            /**
             * @description A free-form client name, reachable as sip:client.<identity>@<sipDomain>.
             * @example bob
             */
            identity?: string;
            /**
             * Format: uuid
             * @description Register as this SIP user. Give this or identity.
             */
            sipUserId?: string;
            /** @default 3600 */
            ttlSeconds?: number;
        };
        CreatedApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description The secret key. Shown only in this response; store it now. */
            key: string;
            name: string;
            prefix: string;
        };
        CreatedApplicationDto: {
            /** Format: date-time */
            createdAt: string;
            fallbackUrl: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description Signs the requests to the application (Standard Webhooks), shown only here and by rotate-secret.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            signingSecret: string;
            statusCallbackUrl: string | null;
            /** Format: date-time */
            updatedAt: string;
            voiceUrl: string;
        };
        CreatedWebhookEndpointDto: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** @description Why the platform disabled the endpoint (too many failed deliveries in a row). */
            disabledReason: string | null;
            enabled: boolean;
            events: ("call.initiated" | "call.ringing" | "call.answered" | "call.completed" | "registration.created" | "registration.removed" | "webhook.disabled" | "*")[];
            /** Format: uuid */
            id: string;
            /**
             * @description The signing secret, shown only here and by rotate-secret.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        CreateOutboundRouteDto: {
            /**
             * Format: uuid
             * @description A carrier of the account.
             */
            carrierId: string;
            /** @example US and Canada */
            name: string;
            /**
             * @description Numbers starting with it take this route; "" matches any number.
             * @example +1
             */
            prefix: string;
            /**
             * @description Lower first; then longer prefixes first.
             * @default 10
             */
            priority?: number;
        };
        CreatePhoneNumberDto: {
            /**
             * Format: uuid
             * @description The carrier the number belongs to (a carrier of the account).
             */
            carrierId?: string | null;
            /**
             * @description Cannot be changed later.
             * @example +14155550100
             */
            number: string;
            route: components["schemas"]["PhoneNumberRouteDto"];
        };
        CreateSipUserDto: {
            /** @example Alice Liddell */
            displayName?: string | null;
            /**
             * @description DTMF on this endpoint's leg of a call: see the dtmf field of the resource.
             * @default rfc4733
             */
            dtmf?: components["schemas"]["DtmfMode"];
            password: string;
            /**
             * @description Media encryption on this endpoint's leg of a call: see the srtp field of the resource.
             * @default offer
             */
            srtp?: components["schemas"]["SrtpPolicy"];
            /** @example alice */
            username: string;
        };
        CreateWebhookEndpointDto: {
            /** @example CRM call log */
            description?: string | null;
            /**
             * @description The event types to receive; `*` for all of them, including types added later.
             * @example [
             *       "call.completed",
             *       "registration.created"
             *     ]
             */
            events: ("call.initiated" | "call.ringing" | "call.answered" | "call.completed" | "registration.created" | "registration.removed" | "webhook.disabled" | "*")[];
            /**
             * @description Where events are POSTed (use https in production). Its host must be, or resolve to, public addresses only unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).
             * @example https://example.com/webhooks/callwire
             */
            url: string;
        };
        /**
         * @description DTMF on this endpoint's leg of a call: see the dtmf field of the resource.
         * @enum {string}
         */
        DtmfMode: "rfc4733" | "info";
        EdgeBlockDto: {
            /** Format: date-time */
            blockedAt: string;
            /**
             * Format: date-time
             * @description The edge lifts the block by itself then.
             */
            expiresAt: string;
            /**
             * @description The blocked source address.
             * @example 203.0.113.7
             */
            ip: string;
            /** @enum {string} */
            reason: "auth-failures" | "flood" | "scanner";
        };
        EdgeBlockPageDto: {
            data: components["schemas"]["EdgeBlockDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        FieldErrorDto: {
            /** @description The input field, as a path (e.g. "outbound.gateways.0.host"). */
            field: string;
            message: string;
        };
        IceServerDto: {
            credential?: string;
            /**
             * @example [
             *       "turn:edge.example.com:3478?transport=udp"
             *     ]
             */
            urls: string[];
            username?: string;
        };
        OutboundRouteDto: {
            /** Format: uuid */
            carrierId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @example +1 */
            prefix: string;
            /** @example 10 */
            priority: number;
            /** Format: date-time */
            updatedAt: string;
        };
        OutboundRoutePageDto: {
            /** @description By priority, then longest prefix first. */
            data: components["schemas"]["OutboundRouteDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        PhoneNumberDto: {
            /** Format: uuid */
            carrierId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example +14155550100 */
            number: string;
            route: components["schemas"]["PhoneNumberRouteDto"];
            /** Format: date-time */
            updatedAt: string;
        };
        PhoneNumberPageDto: {
            data: components["schemas"]["PhoneNumberDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        PhoneNumberRouteDto: {
            /**
             * @description sip-user: a SIP username of the account; client: a client identity; application: an application id of the account; sip-uri: a sip: or sips: URI.
             * @example alice
             */
            target: string;
            /**
             * @description What target names.
             * @enum {string}
             */
            type: "sip-user" | "client" | "application" | "sip-uri";
        };
        ProblemDto: {
            detail?: string;
            /** @description Validation errors: one per invalid field. */
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @description The request path. */
            instance: string;
            status: number;
            title: string;
            /** @description about:blank, urn:callwire:problem:validation-error or urn:callwire:problem:conflict. */
            type: string;
        };
        RegistrationDto: {
            /**
             * @description Address of record.
             * @example sip:alice@acme.callwire.localhost
             */
            aor: string;
            /**
             * Format: uuid
             * @description The client token used, if any.
             */
            clientTokenId: string | null;
            /**
             * @description Contact the device registered.
             * @example sip:alice@192.0.2.10:5060;transport=udp
             */
            contact: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Set when a client identity registered. */
            identity: string | null;
            /**
             * Format: uuid
             * @description Set when a SIP user registered.
             */
            sipUserId: string | null;
            /**
             * @description Where the REGISTER came from.
             * @example 192.0.2.10:5060
             */
            sourceAddress: string | null;
            /** @enum {string} */
            transport: "udp" | "tcp" | "tls" | "ws" | "wss";
            userAgent: string;
        };
        RegistrationPageDto: {
            data: components["schemas"]["RegistrationDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        SessionAccountDto: {
            /** Format: uuid */
            id: string;
            name: string;
            sipDomain: string;
        };
        SessionDto: {
            /** @description The account the session acts on (an admin session: the one switched into, if any). */
            account: components["schemas"]["SessionAccountDto"] | null;
            /** @description Send it as X-CSRF-Token with every POST, PATCH, PUT and DELETE made with the cookie. */
            csrfToken: string;
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            role: "admin" | "account";
        };
        SignInDto: {
            /** @description The platform admin key or an account API key. Exchanged for a session cookie. */
            apiKey: string;
        };
        SipMessageDto: {
            /** Format: date-time */
            capturedAt: string;
            /** @example 1 INVITE */
            cseq: string;
            /** @example 127.0.0.1:5060 */
            destination: string;
            /** @description Milliseconds since the first message of the call (microsecond precision). */
            elapsedMs: number;
            id: string;
            /**
             * @description The method of a request, or "<status> <reason>" of a response.
             * @example INVITE
             */
            label: string;
            /** @example INVITE */
            method: string | null;
            /** @description The whole message as the edge sent or received it. */
            raw: string;
            /** @example null */
            reasonPhrase: string | null;
            /** @example 127.0.0.1:5080 */
            source: string;
            /** @example null */
            statusCode: number | null;
            /** @enum {string} */
            transport: "udp" | "tcp" | "tls" | "ws" | "wss" | "sctp";
        };
        SipMessageListDto: {
            data: components["schemas"]["SipMessageDto"][];
            /**
             * @description How long captured messages are kept (SIP_TRACE_RETENTION_HOURS).
             * @example 72
             */
            retentionHours: number;
        };
        SipUserDto: {
            /** Format: date-time */
            createdAt: string;
            displayName: string | null;
            /** @description How this endpoint sends and receives DTMF digits on its leg of a call. `rfc4733`: telephone-events in the media (RFC 4733, also known as RFC 2833), what browsers and most phones and carriers use. `info`: SIP INFO requests (application/dtmf-relay or application/dtmf). When the two legs of a call differ the edge converts: an INFO becomes telephone-events toward the other side and telephone-events become INFO requests. */
            dtmf: components["schemas"]["DtmfMode"];
            enabled: boolean;
            /** Format: uuid */
            id: string;
            /** @example sip:alice@acme.callwire.localhost */
            sipUri: string;
            /** @description Media encryption (SDES-SRTP) on this endpoint's leg of a call. `off`: plain RTP only (the edge offers RTP/AVP without crypto). `offer`: SRTP offered with a plain-RTP fallback (RTP/AVP with a=crypto, OSRTP), whatever the endpoint offers is accepted. `require`: RTP/SAVP only; a call it places offering plain RTP is refused with 488. The edge converts between SRTP and RTP (and to DTLS-SRTP for browsers) when the two legs differ. */
            srtp: components["schemas"]["SrtpPolicy"];
            /** Format: date-time */
            updatedAt: string;
            username: string;
        };
        SipUserPageDto: {
            data: components["schemas"]["SipUserDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * @description Media encryption on this endpoint's leg of a call: see the srtp field of the resource.
         * @enum {string}
         */
        SrtpPolicy: "off" | "offer" | "require";
        SwitchAccountDto: {
            /**
             * Format: uuid
             * @description Admin sessions: the account to act on from now on, or null to leave it.
             */
            accountId: string | null;
        };
        UpdateAccountSettingsDto: {
            /** @description Keep the DTMF digits sent during the account’s calls on the call records (dtmfDigits), whether sent as RFC 4733 telephone-events or SIP INFO. Off by default: digits are often PINs or card numbers. Digits sent while it is off are never stored. */
            recordDtmf?: boolean;
        };
        UpdateApplicationDto: {
            /** @description Asked when voiceUrl fails or does not answer in time. */
            fallbackUrl?: string | null;
            /** @example IVR */
            name?: string;
            /** @description Where the call's status changes are POSTed. */
            statusCallbackUrl?: string | null;
            /**
             * @description Where each call is POSTed (signed with the signing secret); the JSON answer says what to do. Like every URL of an application, its host must be public unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).
             * @example https://example.com/callwire/voice
             */
            voiceUrl?: string;
        };
        UpdateCarrierDto: {
            /** @description DTMF on this endpoint's leg of a call: see the dtmf field of the resource. */
            dtmf?: components["schemas"]["DtmfMode"];
            /** @description A disabled carrier takes and gets no calls and keeps no registration. */
            enabled?: boolean;
            /** @description The fields given replace those fields. */
            inbound?: components["schemas"]["CarrierInboundInputDto"];
            /** @example Carrier X */
            name?: string;
            /** @description The fields given replace those fields. */
            outbound?: components["schemas"]["UpdateCarrierOutboundInputDto"];
            /** @description Media encryption on this endpoint's leg of a call: see the srtp field of the resource. */
            srtp?: components["schemas"]["SrtpPolicy"];
        };
        UpdateCarrierOutboundInputDto: {
            /** @description Digest credentials for calls to the carrier (the password is never returned); null removes them. */
            auth?: components["schemas"]["CarrierCredentialsInputDto"] | null;
            /**
             * @description Caller ID for calls to the carrier: E.164 or digits.
             * @example +14155550100
             */
            callerIdNumber?: string | null;
            /**
             * @description Domain of From.
             * @example carrier.example
             */
            fromDomain?: string | null;
            /** @description Where calls to the carrier go, tried by priority (lower first), then by weight. In PATCH, the full new list: a gateway with the host, port and transport of an existing one keeps its id and health. */
            gateways?: components["schemas"]["CarrierGatewayInputDto"][];
            /** @description The fields given replace those fields. */
            register?: components["schemas"]["UpdateCarrierRegisterInputDto"];
        };
        UpdateCarrierRegisterInputDto: {
            /** @description Keep a registration with the carrier (toward its first gateway). */
            enabled?: boolean;
            /** @default 3600 */
            expires?: number;
            /** @description outbound.auth's when absent. */
            password?: string | null;
            /** @description The registration's user and digest username; outbound.auth's when absent. */
            username?: string | null;
        };
        UpdateOutboundRouteDto: {
            /**
             * Format: uuid
             * @description A carrier of the account.
             */
            carrierId?: string;
            /** @example US and Canada */
            name?: string;
            /**
             * @description Numbers starting with it take this route; "" matches any number.
             * @example +1
             */
            prefix?: string;
            /**
             * @description Lower first; then longer prefixes first.
             * @default 10
             */
            priority?: number;
        };
        UpdatePhoneNumberDto: {
            /**
             * Format: uuid
             * @description The carrier the number belongs to (a carrier of the account).
             */
            carrierId?: string | null;
            /** @description The new route, type and target. */
            route?: components["schemas"]["PhoneNumberRouteDto"];
        };
        UpdateSipUserDto: {
            displayName?: string | null;
            /** @description DTMF on this endpoint's leg of a call: see the dtmf field of the resource. */
            dtmf?: components["schemas"]["DtmfMode"];
            /** @description A disabled user cannot register or call. */
            enabled?: boolean;
            /** @description Rotates the password. */
            password?: string;
            /** @description Media encryption on this endpoint's leg of a call: see the srtp field of the resource. */
            srtp?: components["schemas"]["SrtpPolicy"];
        };
        UpdateWebhookEndpointDto: {
            description?: string | null;
            /** @description false pauses deliveries (pending ones fail); true re-enables and resets the failure streak. */
            enabled?: boolean;
            /**
             * @description The event types to receive; `*` for all of them, including types added later.
             * @example [
             *       "call.completed",
             *       "registration.created"
             *     ]
             */
            events?: ("call.initiated" | "call.ringing" | "call.answered" | "call.completed" | "registration.created" | "registration.removed" | "webhook.disabled" | "*")[];
            /**
             * @description Where events are POSTed (use https in production). Its host must be, or resolve to, public addresses only unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).
             * @example https://example.com/webhooks/callwire
             */
            url?: string;
        };
        WebhookDeliveryDto: {
            /** @description Attempts made since the delivery (or its last replay) started. */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The event id: the webhook-id header and the body id.
             */
            eventId: string;
            /** @example call.completed */
            eventType: string;
            /** Format: uuid */
            id: string;
            /** @example HTTP 503 */
            lastError: string | null;
            lastLatencyMs: number | null;
            lastStatusCode: number | null;
            /**
             * Format: date-time
             * @description When a pending delivery is tried next.
             */
            nextAttemptAt: string | null;
            /** @enum {string} */
            state: "pending" | "succeeded" | "failed";
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookDeliveryPageDto: {
            data: components["schemas"]["WebhookDeliveryDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        WebhookEndpointDto: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** @description Why the platform disabled the endpoint (too many failed deliveries in a row). */
            disabledReason: string | null;
            enabled: boolean;
            events: ("call.initiated" | "call.ringing" | "call.answered" | "call.completed" | "registration.created" | "registration.removed" | "webhook.disabled" | "*")[];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        WebhookEndpointPageDto: {
            data: components["schemas"]["WebhookEndpointDto"][];
            /** @description Pass as ?cursor= to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        WebhookSecretDto: {
            /**
             * @description Shown only in this response.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Missing or wrong METRICS_TOKEN. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description METRICS_TOKEN is not set: metrics are off. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PostgreSQL and Redis are reachable. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            /** @enum {string} */
                            database: "up" | "down";
                            /** @enum {string} */
                            redis: "up" | "down";
                        };
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                    };
                };
            };
            /** @description A dependency is down; `checks` says which. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            /** @enum {string} */
                            database: "up" | "down";
                            /** @enum {string} */
                            redis: "up" | "down";
                        };
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                    };
                };
            };
        };
    };
    AccountSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSettingsDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccountSettingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSettingsDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccountsController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
                /** @description Only accounts whose name or sipDomain contains this text (case-insensitive). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccountsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description sipDomain already taken. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccountsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccountsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its API keys and SIP users. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description The key is shown only in this response. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such account. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AccountsController_setLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountLimitsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EdgeBlocksController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EdgeBlockPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EdgeBlocksController_clear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ip: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record is gone; the edge lets the source in again shortly. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing or invalid key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not the admin key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource in this account. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked: the key stops working immediately. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApplicationsController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApplicationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApplicationDto"];
            };
        };
        responses: {
            /** @description The signing secret is shown only in this response. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApplicationDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApplicationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApplicationsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Phone numbers are routed to the application: route them elsewhere first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApplicationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApplicationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApplicationsController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationSecretDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CallsController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                /** @description Caller SIP URI, exact. */
                from?: string;
                limit?: number;
                /** @description asc: oldest first; desc: newest first (call history). Cursors continue in the same order. */
                order?: "asc" | "desc";
                /** @description Calls started at or after this time. */
                startedAfter?: string;
                /** @description Calls started before this time. */
                startedBefore?: string;
                status?: "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
                /** @description Callee SIP URI, exact. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CallsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CallsController_hangup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The edge ends the call within moments (call.completed). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The call has already ended. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CallsController_sipMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SipMessageListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CarriersController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CarriersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCarrierDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierDto"];
                };
            };
            /** @description An invalid field, or register enabled without a gateway or credentials. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The inbound username is taken (they are unique on the platform). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CarriersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CarriersController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CarriersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCarrierDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierDto"];
                };
            };
            /** @description An invalid field, or register enabled without a gateway or credentials. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The inbound username is taken (they are unique on the platform). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ClientTokensController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tokens that still work: neither revoked nor expired. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientTokenPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ClientTokensController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClientTokenDto"];
            };
        };
        responses: {
            /** @description The token is shown only in this response. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientTokenDto"];
                };
            };
            /** @description Neither or both of sipUserId and identity, or an invalid field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such SIP user in this account. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The SIP user is disabled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ClientTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked: the edge refuses it and drops its registrations within a second. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LiveController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless text/event-stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OutboundRoutesController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboundRoutePageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OutboundRoutesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOutboundRouteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboundRouteDto"];
                };
            };
            /** @description An invalid field, or a carrierId that is not a carrier of the account. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OutboundRoutesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboundRouteDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OutboundRoutesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OutboundRoutesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOutboundRouteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboundRouteDto"];
                };
            };
            /** @description An invalid field, or a carrierId that is not a carrier of the account. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PhoneNumbersController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
                /** @description Only this number. */
                number?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PhoneNumbersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePhoneNumberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberDto"];
                };
            };
            /** @description An invalid field, or a carrier, SIP user or application that is not one of the account. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The number is in use on the platform. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PhoneNumbersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PhoneNumbersController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PhoneNumbersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePhoneNumberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberDto"];
                };
            };
            /** @description An invalid field, or a carrier, SIP user or application that is not one of the account. The number itself cannot change. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RegistrationsController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's devices currently registered at the SIP edge, by username. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Not signed in, or the session has expired. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The credentials may not do this (e.g. not the admin key, or no X-CSRF-Token with a session cookie). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out: the session is deleted and the cookie cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired credentials. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The credentials may not do this (e.g. not the admin key, or no X-CSRF-Token with a session cookie). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_switchAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwitchAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired credentials. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an admin session, or no X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such account. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SipUsersController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SipUserPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SipUsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSipUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SipUserDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The username exists in this account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SipUsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SipUserDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SipUsersController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SipUsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSipUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SipUserDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhookDeliveriesController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued: the worker delivers it within a second. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The endpoint is disabled: enable it first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpointDto"];
            };
        };
        responses: {
            /** @description The secret is shown only in this response. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpointDto"];
                };
            };
            /** @description Not an http(s) URL, no events or an unknown event type. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted with its deliveries log; nothing more is sent to it. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpointDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_listDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPageDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretDto"];
                };
            };
            /** @description Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, revoked or expired key. */
            401: {
                headers: {
                    /** @description Bearer realm="callwire" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not an account key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is larger than the configured limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit exceeded: retry after Retry-After seconds. */
            429: {
                headers: {
                    /** @description Remaining quota of the policy closest to its limit (IETF RateLimit fields). */
                    RateLimit?: string;
                    /** @description The quotas the request was counted against. */
                    "RateLimit-Policy"?: string;
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The API cannot reach its database or Redis right now: retry after Retry-After seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
