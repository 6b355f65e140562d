// Generated from the API's /openapi.json by scripts/gen-api.ts. Do not edit: run `pnpm gen:api`.
export interface paths {
    "/v1/admin/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put webhook posts given up after their last attempt back in the delivery schedule, with a fresh round of attempts (platform administrators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Redrive"];
                };
            };
            responses: {
                /** @description How many posts were put back */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RedriveResult"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys audit checkpoints are signed with */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditKeys"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every country's 24/7 ladder (agencies only) */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of country contacts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryContactsPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{country}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One country's 24/7 duty contact, backup and national lead */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description ISO 3166-1 alpha-3
                     * @example THA
                     */
                    country: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The contacts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryContacts"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Register or replace your country's ladder (policy administrator or duty officer of that country) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the record being replaced; required once it exists */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description ISO 3166-1 alpha-3
                     * @example THA
                     */
                    country: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CountryContactsInput"];
                };
            };
            responses: {
                /** @description Replaced */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryContacts"];
                    };
                };
                /** @description Registered */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryContacts"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations addressed to your organisation */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of invitations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who you are: the subject and roles your token names, the kind and country the registry gives your organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calling principal */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Principal"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation's notification inbox, oldest first (the pull channel) */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                    /** @description true: only notifications not yet acknowledged */
                    pending?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notifications */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{notificationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification of your inbox */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Notification id */
                    notificationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The notification */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{notificationId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a notification (idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Notification id */
                    notificationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Acknowledged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation's webhook: URL and live secret ids */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The webhook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Webhook"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the webhook URL; the first time, the signing secret is returned once */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookChannel"];
                };
            };
            responses: {
                /** @description Set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Webhook"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Stop webhook deliveries (the inbox keeps receiving) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/webhook/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret: the new one is returned once, the previous stays live for the grace period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RotateSecret"];
                };
            };
            responses: {
                /** @description Rotated */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RotatedSecret"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The directory of registered organisations */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of organisations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganisationPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register an organisation (platform administrators) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterOrganisation"];
                };
            };
            responses: {
                /** @description Registered */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organisation id */
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The organisation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Suspend or reinstate an organisation (platform administrators): a suspended organisation's tokens are refused */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "active" | "suspended";
                    };
                };
            };
            responses: {
                /** @description The organisation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/partners/{orgId}/turnaround": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What to expect of a private partner: median and p90 times to acknowledge and answer, deadlines met and missed, refusals
         * @description Per request type and for all types together. Acknowledge time: sent → the partner's first move out of `sent`. Answer time: sent → the first outcome (preserved, fulfilled, partially fulfilled, cannot comply), less the time spent waiting for the agency to answer clarifications (the legal clock is paused meanwhile). Met: the outcome at or before the due time (as extended, and moved by pauses); missed: after it, or the request expired with no outcome. Refusals: cannot-comply answers by reason. Times come from a log-spaced histogram of 2%-wide buckets: each median or p90 is the middle of the bucket holding it, within 2% of the exact figure. Kept up to date in the same transaction as each status change; read in one query. Nothing of any workspace or request appears.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organisation id */
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The partner's figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Turnaround"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Countries' policies, a page at a time, by country code */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of policies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryPolicyPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{country}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One country's policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    country: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryPolicy"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace your country's rules (policy administrator of that country); If-Match the version you read, none for the first
         * @description Rules only ever forbid: only_countries, never_countries, instrument_parties, no_private_sector (at or above a TLP), red_only_to, purge_after_close (days after a workspace closes).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    country: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetCountryPolicy"];
                };
            };
            responses: {
                /** @description Replaced */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryPolicy"];
                    };
                };
                /** @description Set for the first time */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CountryPolicy"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests addressed to your organisation, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalRequestPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request addressed to your organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/requests/{requestId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge receipt */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Acknowledged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/requests/{requestId}/clarification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the requesting agency a question; the legal clock stands still until it answers */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Clarify"];
                };
            };
            responses: {
                /** @description Asked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/requests/{requestId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence items you registered for a request */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of evidence items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidencePage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register an evidence item by its name, size, media type and SHA-256; then PUT its content
         * @description Content is uploaded directly to `PUT …/evidence/{evidenceId}/content` (at most 4194304 bytes) and must match the registered size and digest.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterEvidence"];
                };
            };
            responses: {
                /** @description Registered, content pending */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidence"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/requests/{requestId}/evidence/{evidenceId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the content of a registered evidence item; refused unless its size and SHA-256 match
         * @description Accepted only while the request is `acknowledged` (not while a clarification is outstanding, nor once it is answered, withdrawn or expired: 409), for an item you registered that has no content yet. A request you may no longer see is a 404. Nothing is stored unless every check passes.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence item id */
                    evidenceId: string;
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidence"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/requests/{requestId}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer: preserved, fulfilled, partially fulfilled, or cannot comply with an Annex III reason */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Respond"];
                };
            };
            responses: {
                /** @description Answered */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/turnaround": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your organisation's own turnaround figures, as the agencies see them
         * @description Per request type and for all types together. Acknowledge time: sent → the partner's first move out of `sent`. Answer time: sent → the first outcome (preserved, fulfilled, partially fulfilled, cannot comply), less the time spent waiting for the agency to answer clarifications (the legal clock is paused meanwhile). Met: the outcome at or before the due time (as extended, and moved by pauses); missed: after it, or the request expired with no outcome. Refusals: cannot-comply answers by reason. Times come from a log-spaced histogram of 2%-wide buckets: each median or p90 is the middle of the bucket holding it, within 2% of the exact figure. Kept up to date in the same transaction as each status change; read in one query. Nothing of any workspace or request appears.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Turnaround"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live tasks assigned to your organisation across its workspaces, soonest due first */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tasks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspaces your organisation is a member of */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of memberships */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MembershipPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Open a joint-investigation workspace; your organisation leads it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateWorkspace"];
                };
            };
            responses: {
                /** @description Opened */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workspace (members only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workspace */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, suspend, reopen or close a workspace (lead) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateWorkspace"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's hash-chained audit trail, oldest first (lead or auditor); entries about records the caller may not see are sealed */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of audit entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/audit/entries/{seq}/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entry's proof of inclusion in the latest signed checkpoint (RFC 9162 audit path) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Entry sequence number */
                    seq: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The proof */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditInclusionProof"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/audit/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an export of the whole chain as you may see it (lead or auditor); poll the job for its download link
         * @description The export is written as JSON Lines (one entry or sealed stub per line, oldest first) to the evidence bucket by a worker. Once the job is `ready`, its `download.url` reads the file for five minutes; each GET of the job issues a fresh link. The file verifies offline (`pnpm verify-audit`), and its line count and SHA-256 are recorded in the chain as `audit.exported` when it is made.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditExport"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/audit/exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An audit export job you started: its state and, once ready, a short-lived download link, line count, size and SHA-256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Audit export id */
                    exportId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditExport"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the chain against its latest signed checkpoint and report the first broken link */
        get: {
            parameters: {
                query?: {
                    /** @description Start from the checkpoint of this size (0: the whole chain) */
                    from?: string;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The verification */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChainVerification"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/incident-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's acknowledgement deadlines by severity and ladder repeats (defaults until the lead sets them) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentSettings"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the acknowledgement deadlines and ladder repeats (lead); running incidents keep theirs */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the record being replaced; required once it exists */
                    "if-match"?: string;
                };
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IncidentSettingsInput"];
                };
            };
            responses: {
                /** @description Set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentSettings"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's incidents you may see, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of incidents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Raise an urgent incident: each alerted country's 24/7 duty contact is paged, and its ladder starts */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RaiseIncident"];
                };
            };
            responses: {
                /** @description Raised */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/incidents/{incidentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident: per-country status, ladder position and timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    incidentId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The incident */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge for your country (its 24/7 contacts): that country's ladder stops */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Incident id */
                    incidentId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AcknowledgeIncident"];
                };
            };
            responses: {
                /** @description Acknowledged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/incidents/{incidentId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve one country (its contacts, the raiser or the lead) or, without a country, all of them (raiser or lead) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Incident id */
                    incidentId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResolveIncident"];
                };
            };
            responses: {
                /** @description Resolved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's invitations */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of invitations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Invite a partner agency (lead) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Invite"];
                };
            };
            responses: {
                /** @description Invited */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/invitations/{orgId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation (the invited agency) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Invited organisation */
                    orgId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/invitations/{orgId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation (the invited agency) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Invited organisation */
                    orgId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/invitations/{orgId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a pending invitation (lead) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Invited organisation */
                    orgId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The members */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Member"][];
                        };
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/members/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (lead), or leave (the member itself) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Invited organisation */
                    orgId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workspace without that member */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's data requests that you may see, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataRequestPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Raise a data request to a private partner (sent at once unless `send: false`)
         * @description The legal clock (due time, reminders, extension, objection window) follows from the type, urgency and legal basis. Requests are TLP:AMBER unless marked otherwise; the partner must be able to see the marking.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateRequest"];
                };
            };
            responses: {
                /** @description Raised */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One data request (reads of AMBER and RED requests are audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}/clarification-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the partner's question (requesting agency or lead); the clock resumes with the time it waited added */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AnswerClarification"];
                };
            };
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence items of a request: name, size, media type, SHA-256, custody */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of evidence items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidencePage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}/evidence/{evidenceId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file (a custody event, recorded before the content is handed over) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence item id */
                    evidenceId: string;
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file; `Digest`-style headers carry its SHA-256 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the request with its evidence manifest (a custody event; refused for ORCON material) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the legal clock once, where its rule allows (e.g. EU preservation by 30 days) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a draft (requesting agency or lead); starts its legal clock */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/requests/{requestId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the request (requesting agency or lead) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Withdraw"];
                };
            };
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataRequest"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's tasks, oldest first; `overdue=true` for what is late, `status` and `assigneeOrgId` to narrow; filtered lists come soonest due first */
        get: {
            parameters: {
                query?: {
                    /** @description Only tasks assigned to this organisation */
                    assigneeOrgId?: string;
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                    /** @description true: only live tasks past their due time */
                    overdue?: "true" | "false";
                    status?: "open" | "accepted" | "in_progress" | "done" | "declined" | "cancelled";
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tasks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskPage"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Set a task for a member agency, with a deadline (lead) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTask"];
                };
            };
            responses: {
                /** @description Set */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{workspaceId}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Task id */
                    taskId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The task */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move a task along (assignee: accepted, in_progress, done, declined; lead: cancelled) or edit it (lead) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description Task id */
                    taskId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateTask"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Visible, but not yours to change */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found, or not visible to you */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state, or a stale If-Match */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the route takes (256 KiB unless stated) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A body that is not `application/json` (or `+json`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Idempotency-Key reused for a different request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match missing */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many concurrent changes to the same records; retry after the Retry-After header */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcknowledgeIncident: {
            country?: string;
            note?: string;
        };
        AgencyNotification: {
            /** Format: date-time */
            acknowledgedAt?: string;
            actorOrgId: string;
            /** Format: date-time */
            at: string;
            caveats?: string[];
            data: {
                [key: string]: unknown;
            };
            eventId: string;
            id: string;
            /** Format: date-time */
            receivedAt: string;
            recipient: string;
            subject: {
                id: string;
                type: string;
            };
            tlp?: string;
            type: string;
            webhook?: {
                attempts?: number;
                /** Format: date-time */
                deliveredAt?: string;
                /** Format: date-time */
                lastAttemptAt?: string;
                lastError?: string;
                /** Format: date-time */
                nextAttemptAt?: string;
                /** @enum {string} */
                status: "pending" | "delivered" | "failed";
            };
            workspaceId?: string;
        };
        AnswerClarification: {
            answer: string;
        };
        /** @description A signed tree head (RFC 9162) */
        AuditCheckpoint: {
            at: string;
            chainId: string;
            keyId: string;
            lastHash: string;
            rootHash: string;
            signature: string;
            treeSize: number;
            /** @constant */
            v: 1;
        };
        /** @description An entry about records the reader may see: its header and its body */
        AuditEntry: {
            action: string;
            actor: {
                country: string;
                orgId: string;
                sub: string;
            };
            at: string;
            bodyDigest: string;
            chainId: string;
            details?: {
                [key: string]: unknown;
            };
            hash: string;
            markings: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** Format: date-time */
                embargoUntil?: string;
                originator: {
                    country: string;
                    orgId: string;
                };
                recipients?: string[];
                /** @default members */
                releasableTo: "members" | string[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            }[];
            /** @enum {string} */
            outcome: "success" | "denied";
            prevHash: string;
            salt: string;
            seq: number;
            target: {
                id: string;
                type: string;
            };
            v: 2 | 3;
        };
        AuditExport: {
            bytes?: number;
            /** Format: date-time */
            createdAt: string;
            download?: {
                /** Format: date-time */
                expiresAt: string;
                url: string;
            };
            error?: {
                /** @enum {string} */
                code: "access_lost" | "upload_failed" | "read_failed" | "out_of_time";
            };
            id: string;
            lines?: number;
            sha256?: string;
            /** @enum {string} */
            status: "queued" | "ready" | "failed";
            /** Format: date-time */
            updatedAt: string;
            workspaceId: string;
        };
        AuditInclusionProof: {
            auditPath: string[];
            checkpoint: components["schemas"]["AuditCheckpoint"];
            entry: components["schemas"]["AuditEntry"] | components["schemas"]["SealedAuditEntry"];
            leafIndex: number;
            treeSize: number;
        };
        AuditKeys: {
            keys: {
                /** @constant */
                alg: "EdDSA";
                /** @constant */
                crv: "Ed25519";
                kid: string;
                /** @constant */
                kty: "OKP";
                /** @constant */
                use: "sig";
                x: string;
            }[];
        };
        AuditPage: {
            items: (components["schemas"]["AuditEntry"] | components["schemas"]["SealedAuditEntry"])[];
            next?: string;
        };
        ChainVerification: {
            /** @description Sequence number of the first broken link */
            brokenAt?: number;
            checkpoint?: components["schemas"]["AuditCheckpoint"];
            entries: number;
            /** @description The size of the checkpoint the verification started from (0: the chain start) */
            from?: number;
            head?: string;
            ok: boolean;
            reason?: string;
        };
        Clarify: {
            question: string;
        };
        CountryContacts: {
            backup: {
                /** @default [] */
                channels: {
                    address: string;
                    /** @enum {string} */
                    kind: "phone" | "email" | "secure_messaging" | "radio" | "other";
                }[];
                orgId: string;
                /** @default [] */
                people: {
                    /** Format: email */
                    email?: string;
                    name: string;
                    phone?: string;
                    role?: string;
                }[];
            };
            country: string;
            duty: {
                /** @default [] */
                channels: {
                    address: string;
                    /** @enum {string} */
                    kind: "phone" | "email" | "secure_messaging" | "radio" | "other";
                }[];
                orgId: string;
                /** @default [] */
                people: {
                    /** Format: email */
                    email?: string;
                    name: string;
                    phone?: string;
                    role?: string;
                }[];
            };
            nationalLead: {
                /** @default [] */
                channels: {
                    address: string;
                    /** @enum {string} */
                    kind: "phone" | "email" | "secure_messaging" | "radio" | "other";
                }[];
                orgId: string;
                /** @default [] */
                people: {
                    /** Format: email */
                    email?: string;
                    name: string;
                    phone?: string;
                    role?: string;
                }[];
            };
            /** Format: date-time */
            updatedAt: string;
            updatedBy: {
                orgId: string;
                sub: string;
            };
            version: number;
        };
        CountryContactsInput: {
            backup: {
                /** @default [] */
                channels: {
                    address: string;
                    /** @enum {string} */
                    kind: "phone" | "email" | "secure_messaging" | "radio" | "other";
                }[];
                orgId: string;
                /** @default [] */
                people: {
                    /** Format: email */
                    email?: string;
                    name: string;
                    phone?: string;
                    role?: string;
                }[];
            };
            duty: {
                /** @default [] */
                channels: {
                    address: string;
                    /** @enum {string} */
                    kind: "phone" | "email" | "secure_messaging" | "radio" | "other";
                }[];
                orgId: string;
                /** @default [] */
                people: {
                    /** Format: email */
                    email?: string;
                    name: string;
                    phone?: string;
                    role?: string;
                }[];
            };
            nationalLead: {
                /** @default [] */
                channels: {
                    address: string;
                    /** @enum {string} */
                    kind: "phone" | "email" | "secure_messaging" | "radio" | "other";
                }[];
                orgId: string;
                /** @default [] */
                people: {
                    /** Format: email */
                    email?: string;
                    name: string;
                    phone?: string;
                    role?: string;
                }[];
            };
        };
        CountryContactsPage: {
            items: components["schemas"]["CountryContacts"][];
            next?: string;
        };
        CountryPolicy: {
            country: string;
            rules: ({
                countries: string[];
                /** @constant */
                type: "only_countries";
            } | {
                countries: string[];
                /** @constant */
                type: "never_countries";
            } | {
                /** @enum {string} */
                instrument: "UNCC" | "BUDAPEST";
                parties: string[];
                /** @constant */
                type: "instrument_parties";
            } | {
                /**
                 * @default CLEAR
                 * @enum {string}
                 */
                atOrAbove: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                /** @constant */
                type: "no_private_sector";
            } | {
                orgIds: string[];
                /** @constant */
                type: "red_only_to";
            } | {
                days: number;
                /** @constant */
                type: "purge_after_close";
            })[];
            /** Format: date-time */
            updatedAt: string;
            updatedBy: {
                orgId: string;
                sub: string;
            };
            version: number;
        };
        CountryPolicyPage: {
            items: components["schemas"]["CountryPolicy"][];
            next?: string;
        };
        CreateRequest: {
            description: string;
            legalBasis: {
                /** @enum {string} */
                code: "EU-EEVIDENCE" | "US-2703F" | "BUDAPEST" | "UNCC" | "MLAT" | "NATIONAL";
                reference?: string;
                text: string;
            };
            marking?: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** Format: date-time */
                embargoUntil?: string;
                recipients?: string[];
                /** @default members */
                releasableTo: "members" | string[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            period?: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            };
            providerOrgId: string;
            selectors: ({
                service?: string;
                /** @constant */
                type: "account_id";
                value: string;
            } | {
                /** @constant */
                type: "email";
                /** Format: email */
                value: string;
            } | {
                /** @constant */
                type: "phone";
                value: string;
            } | {
                /** Format: date-time */
                observedAt: string;
                port?: number;
                timeZone: string;
                /** @constant */
                type: "ip_address";
                value: string;
            } | {
                /** @constant */
                type: "imei";
                value: string;
            } | {
                /** @enum {string} */
                chain: "bitcoin" | "ethereum" | "tron" | "litecoin";
                /** @constant */
                type: "wallet_address";
                value: string;
            } | {
                /** @constant */
                type: "iban";
                value: string;
            })[];
            /** @default true */
            send: boolean;
            /** @enum {string} */
            type: "preservation" | "production" | "emergency_disclosure" | "subscriber_info" | "traffic_data" | "content";
            /**
             * @default standard
             * @enum {string}
             */
            urgency: "standard" | "emergency";
        };
        CreateTask: {
            assigneeOrgId: string;
            /** @default  */
            description: string;
            /** Format: date-time */
            dueAt: string;
            marking?: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** Format: date-time */
                embargoUntil?: string;
                recipients?: string[];
                /** @default members */
                releasableTo: "members" | string[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            /**
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "critical";
            reminders?: string[];
            title: string;
        };
        CreateWorkspace: {
            legalBasis: {
                /** @enum {string} */
                code: "UNCC" | "BUDAPEST" | "MLAT" | "JIT-AGREEMENT" | "EU-EEVIDENCE" | "NATIONAL";
                text: string;
            };
            title: string;
        };
        DataRequest: {
            clarifications: {
                answer?: string;
                /** Format: date-time */
                answeredAt?: string;
                /** Format: date-time */
                askedAt: string;
                askedBy: string;
                question: string;
            }[];
            clock?: {
                /** Format: date-time */
                dueAt: string;
                extensionsUsed: number;
                /** Format: date-time */
                objectionWindowEndsAt?: string;
                /** Format: date-time */
                pausedAt?: string;
                reminders: string[];
                rule: string;
                /** Format: date-time */
                startedAt: string;
            };
            /** Format: date-time */
            createdAt: string;
            description: string;
            evidence: {
                registered: number;
                stored: number;
            };
            id: string;
            legalBasis: {
                /** @enum {string} */
                code: "EU-EEVIDENCE" | "US-2703F" | "BUDAPEST" | "UNCC" | "MLAT" | "NATIONAL";
                reference?: string;
                text: string;
            };
            marking: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** Format: date-time */
                embargoUntil?: string;
                originator: {
                    country: string;
                    orgId: string;
                };
                recipients?: string[];
                /** @default members */
                releasableTo: "members" | string[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            outcome?: {
                /** Format: date-time */
                at: string;
                detail?: string;
                /** @enum {string} */
                reason?: "incomplete" | "manifest_errors" | "insufficient_information" | "data_not_stored" | "person_not_identified" | "service_not_covered" | "de_facto_impossible" | "conflicting_obligations" | "other";
            };
            period?: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            };
            providerOrgId: string;
            requestedBy: {
                country: string;
                orgId: string;
                sub: string;
            };
            selectors: ({
                service?: string;
                /** @constant */
                type: "account_id";
                value: string;
            } | {
                /** @constant */
                type: "email";
                /** Format: email */
                value: string;
            } | {
                /** @constant */
                type: "phone";
                value: string;
            } | {
                /** Format: date-time */
                observedAt: string;
                port?: number;
                timeZone: string;
                /** @constant */
                type: "ip_address";
                value: string;
            } | {
                /** @constant */
                type: "imei";
                value: string;
            } | {
                /** @enum {string} */
                chain: "bitcoin" | "ethereum" | "tron" | "litecoin";
                /** @constant */
                type: "wallet_address";
                value: string;
            } | {
                /** @constant */
                type: "iban";
                value: string;
            })[];
            /** Format: date-time */
            sentAt?: string;
            /** @enum {string} */
            status: "draft" | "sent" | "acknowledged" | "clarification_requested" | "preserved" | "fulfilled" | "partially_fulfilled" | "cannot_comply" | "withdrawn" | "expired";
            /** @enum {string} */
            type: "preservation" | "production" | "emergency_disclosure" | "subscriber_info" | "traffic_data" | "content";
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            urgency: "standard" | "emergency";
            version: number;
            withdrawnReason?: string;
            workspaceId: string;
        };
        DataRequestPage: {
            items: components["schemas"]["DataRequest"][];
            next?: string;
        };
        EvidenceItem: {
            /** @enum {string} */
            content: "pending" | "stored";
            fileName: string;
            id: string;
            mediaType: string;
            /** Format: date-time */
            registeredAt: string;
            requestId: string;
            sha256: string;
            size: number;
            /** Format: date-time */
            storedAt?: string;
            uploadedBy: {
                orgId: string;
                sub: string;
            };
            version: number;
            workspaceId: string;
        };
        EvidencePage: {
            items: components["schemas"]["EvidenceItem"][];
            next?: string;
        };
        Incident: {
            alerts: {
                /** Format: date-time */
                acknowledgedAt?: string;
                acknowledgedBy?: {
                    orgId: string;
                    sub: string;
                };
                country: string;
                /** Format: date-time */
                exhaustedAt?: string;
                level: number;
                /** Format: date-time */
                nextEscalationAt?: string;
                /** Format: date-time */
                resolvedAt?: string;
                resolvedBy?: {
                    orgId: string;
                    sub: string;
                };
                round: number;
                /** @enum {string} */
                status: "raised" | "acknowledged" | "resolved";
                step: number;
            }[];
            id: string;
            ladder: {
                ackDeadline: string;
                repeats: number;
            };
            marking: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** Format: date-time */
                embargoUntil?: string;
                originator: {
                    country: string;
                    orgId: string;
                };
                recipients?: string[];
                /** @default members */
                releasableTo: "members" | string[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            /** Format: date-time */
            raisedAt: string;
            raisedBy: {
                country: string;
                orgId: string;
                sub: string;
            };
            /** @enum {string} */
            severity: "critical" | "high" | "medium";
            /** @enum {string} */
            status: "open" | "resolved";
            summary: string;
            timeline: {
                /** Format: date-time */
                at: string;
                by?: string;
                country?: string;
                level?: number;
                note?: string;
                round?: number;
                to?: string[];
                /** @enum {string} */
                what: "raised" | "notified" | "escalated" | "acknowledged" | "resolved" | "exhausted";
            }[];
            /** @enum {string} */
            type: "ransomware" | "intrusion" | "ddos" | "data_breach" | "fraud" | "child_sexual_abuse" | "threat_to_life" | "other";
            /** Format: date-time */
            updatedAt: string;
            version: number;
            workspaceId: string;
        };
        IncidentPage: {
            items: components["schemas"]["Incident"][];
            next?: string;
        };
        IncidentSettings: {
            ackDeadlines: {
                critical: string;
                high: string;
                medium: string;
            };
            repeats: number;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            workspaceId: string;
        };
        IncidentSettingsInput: {
            /** @default {} */
            ackDeadlines: {
                /** @description A fixed-length ISO 8601 duration (days, hours, minutes, seconds) from PT1M to P1D */
                critical?: string;
                /** @description A fixed-length ISO 8601 duration (days, hours, minutes, seconds) from PT1M to P1D */
                high?: string;
                /** @description A fixed-length ISO 8601 duration (days, hours, minutes, seconds) from PT1M to P1D */
                medium?: string;
            };
            /** @default 1 */
            repeats: number;
        };
        Invitation: {
            /** Format: date-time */
            createdAt: string;
            invitedBy: {
                orgId: string;
                sub: string;
            };
            message?: string;
            orgId: string;
            /** Format: date-time */
            respondedAt?: string;
            /** @enum {string} */
            role: "member" | "observer";
            /** @enum {string} */
            status: "pending" | "accepted" | "declined" | "revoked";
            version: number;
            workspaceId: string;
            workspaceTitle: string;
        };
        InvitationPage: {
            items: components["schemas"]["Invitation"][];
            next?: string;
        };
        Invite: {
            message?: string;
            orgId: string;
            /**
             * @default member
             * @enum {string}
             */
            role: "member" | "observer";
        };
        Member: {
            country: string;
            /** Format: date-time */
            joinedAt: string;
            orgId: string;
            orgName: string;
            /** @enum {string} */
            role: "lead" | "member" | "observer";
        };
        Membership: {
            orgId: string;
            /** @enum {string} */
            role: "lead" | "member" | "observer";
            /** @enum {string} */
            status: "open" | "suspended" | "closed";
            title: string;
            version: number;
            workspaceId: string;
        };
        MembershipPage: {
            items: components["schemas"]["Membership"][];
            next?: string;
        };
        Notification: components["schemas"]["PartnerNotification"] | components["schemas"]["AgencyNotification"];
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            next?: string;
        };
        Organisation: {
            country: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "agency" | "provider" | "international";
            name: string;
            /** @enum {string} */
            sector?: "tech" | "bank" | "crypto" | "telecom";
            /** @enum {string} */
            status?: "active" | "suspended";
            version: number;
        };
        OrganisationPage: {
            items: components["schemas"]["Organisation"][];
            next?: string;
        };
        PartnerNotification: {
            /** Format: date-time */
            acknowledgedAt?: string;
            /** Format: date-time */
            at: string;
            caveats?: string[];
            data: {
                [key: string]: unknown;
            };
            eventId: string;
            id: string;
            /** Format: date-time */
            receivedAt: string;
            recipient: string;
            requestingAgency: {
                country: string;
                orgId: string;
            };
            subject: {
                id: string;
                /** @constant */
                type: "request";
            };
            tlp?: string;
            type: string;
            webhook?: {
                attempts?: number;
                /** Format: date-time */
                deliveredAt?: string;
                /** Format: date-time */
                lastAttemptAt?: string;
                lastError?: string;
                /** Format: date-time */
                nextAttemptAt?: string;
                /** @enum {string} */
                status: "pending" | "delivered" | "failed";
            };
        };
        PortalEvidence: {
            /** @enum {string} */
            content: "pending" | "stored";
            fileName: string;
            id: string;
            mediaType: string;
            /** Format: date-time */
            registeredAt: string;
            requestId: string;
            sha256: string;
            size: number;
            /** Format: date-time */
            storedAt?: string;
            version: number;
        };
        PortalEvidencePage: {
            items: components["schemas"]["PortalEvidence"][];
            next?: string;
        };
        PortalRequest: {
            clarifications: {
                answer?: string;
                /** Format: date-time */
                answeredAt?: string;
                /** Format: date-time */
                askedAt: string;
                question: string;
            }[];
            clock?: {
                /** Format: date-time */
                dueAt: string;
                /** Format: date-time */
                objectionWindowEndsAt?: string;
                paused: boolean;
                rule: string;
                summary: string;
            };
            description: string;
            evidence: {
                registered: number;
                stored: number;
            };
            handling: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            id: string;
            legalBasis: {
                /** @enum {string} */
                code: "EU-EEVIDENCE" | "US-2703F" | "BUDAPEST" | "UNCC" | "MLAT" | "NATIONAL";
                reference?: string;
                text: string;
            };
            outcome?: {
                /** Format: date-time */
                at: string;
                detail?: string;
                /** @enum {string} */
                reason?: "incomplete" | "manifest_errors" | "insufficient_information" | "data_not_stored" | "person_not_identified" | "service_not_covered" | "de_facto_impossible" | "conflicting_obligations" | "other";
            };
            period?: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            };
            requestingAgency: {
                country: string;
                orgId: string;
            };
            selectors: ({
                service?: string;
                /** @constant */
                type: "account_id";
                value: string;
            } | {
                /** @constant */
                type: "email";
                /** Format: email */
                value: string;
            } | {
                /** @constant */
                type: "phone";
                value: string;
            } | {
                /** Format: date-time */
                observedAt: string;
                port?: number;
                timeZone: string;
                /** @constant */
                type: "ip_address";
                value: string;
            } | {
                /** @constant */
                type: "imei";
                value: string;
            } | {
                /** @enum {string} */
                chain: "bitcoin" | "ethereum" | "tron" | "litecoin";
                /** @constant */
                type: "wallet_address";
                value: string;
            } | {
                /** @constant */
                type: "iban";
                value: string;
            })[];
            /** Format: date-time */
            sentAt: string;
            /** @enum {string} */
            status: "draft" | "sent" | "acknowledged" | "clarification_requested" | "preserved" | "fulfilled" | "partially_fulfilled" | "cannot_comply" | "withdrawn" | "expired";
            /** @enum {string} */
            type: "preservation" | "production" | "emergency_disclosure" | "subscriber_info" | "traffic_data" | "content";
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            urgency: "standard" | "emergency";
            version: number;
        };
        PortalRequestPage: {
            items: components["schemas"]["PortalRequest"][];
            next?: string;
        };
        Principal: {
            country: string;
            orgId: string;
            /** @enum {string} */
            orgKind: "agency" | "provider" | "international";
            roles: ("officer" | "admin" | "policy_admin" | "duty_contact" | "auditor" | "responder")[];
            sub: string;
        };
        Problem: {
            detail?: string;
            errors?: {
                field: string;
                message: string;
            }[];
            /** @description How many more offending fields there were than `errors` lists */
            errorsOmitted?: number;
            requestId?: string;
            status: number;
            title: string;
            type: string;
        };
        RaiseIncident: {
            countries: string[];
            marking?: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** Format: date-time */
                embargoUntil?: string;
                recipients?: string[];
                /** @default members */
                releasableTo: "members" | string[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            /** @enum {string} */
            severity: "critical" | "high" | "medium";
            summary: string;
            /** @enum {string} */
            type: "ransomware" | "intrusion" | "ddos" | "data_breach" | "fraud" | "child_sexual_abuse" | "threat_to_life" | "other";
        };
        Redrive: {
            limit?: number;
            orgId?: string;
        };
        RedriveResult: {
            /** @description How many given-up webhook posts were put back in the schedule */
            requeued: number;
        };
        RegisterEvidence: {
            fileName: string;
            mediaType: string;
            sha256: string;
            size: number;
        };
        RegisterOrganisation: {
            country: string;
            id: string;
            /** @enum {string} */
            kind: "agency" | "provider" | "international";
            name: string;
            /** @enum {string} */
            sector?: "tech" | "bank" | "crypto" | "telecom";
        };
        ResolveIncident: {
            country?: string;
            note?: string;
        };
        Respond: {
            detail?: string;
            /** @constant */
            outcome: "preserved";
        } | {
            detail?: string;
            /** @constant */
            outcome: "fulfilled";
        } | {
            detail: string;
            /** @constant */
            outcome: "partially_fulfilled";
        } | {
            detail?: string;
            /** @constant */
            outcome: "cannot_comply";
            /** @enum {string} */
            reason: "incomplete" | "manifest_errors" | "insufficient_information" | "data_not_stored" | "person_not_identified" | "service_not_covered" | "de_facto_impossible" | "conflicting_obligations" | "other";
        };
        RotatedSecret: {
            secret: {
                id: string;
                value: string;
            };
            secrets: {
                createdAt: string;
                expiresAt?: string;
                id: string;
            }[];
        };
        RotateSecret: {
            /**
             * @description How long the previous secret stays live
             * @default 86400
             */
            graceSeconds: number;
        };
        /** @description An entry about a record the reader may not see: its header and hash only, enough to verify the chain */
        SealedAuditEntry: {
            at: string;
            bodyDigest: string;
            chainId: string;
            hash: string;
            prevHash: string;
            /** @constant */
            sealed: true;
            seq: number;
            v: 2 | 3;
        };
        SetCountryPolicy: {
            rules: ({
                countries: string[];
                /** @constant */
                type: "only_countries";
            } | {
                countries: string[];
                /** @constant */
                type: "never_countries";
            } | {
                /** @enum {string} */
                instrument: "UNCC" | "BUDAPEST";
                parties: string[];
                /** @constant */
                type: "instrument_parties";
            } | {
                /**
                 * @default CLEAR
                 * @enum {string}
                 */
                atOrAbove: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                /** @constant */
                type: "no_private_sector";
            } | {
                orgIds: string[];
                /** @constant */
                type: "red_only_to";
            } | {
                days: number;
                /** @constant */
                type: "purge_after_close";
            })[];
        };
        Task: {
            assigneeOrgId: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                orgId: string;
                sub: string;
            };
            description: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            escalatedAt?: string;
            id: string;
            marking: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** Format: date-time */
                embargoUntil?: string;
                originator: {
                    country: string;
                    orgId: string;
                };
                recipients?: string[];
                /** @default members */
                releasableTo: "members" | string[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            /** @description Live and past its due time */
            overdue: boolean;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "critical";
            reminders: string[];
            /** @enum {string} */
            status: "open" | "accepted" | "in_progress" | "done" | "declined" | "cancelled";
            statusReason?: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            workspaceId: string;
        };
        TaskPage: {
            items: components["schemas"]["Task"][];
            next?: string;
        };
        Turnaround: {
            all: {
                acknowledge: {
                    count: number;
                    medianSeconds?: number;
                    p90Seconds?: number;
                };
                answer: {
                    count: number;
                    medianSeconds?: number;
                    p90Seconds?: number;
                };
                deadlines: {
                    met: number;
                    missed: number;
                };
                expired: number;
                outcomes: {
                    [key: string]: number;
                };
                refusals: {
                    [key: string]: number;
                };
                sent: number;
                withdrawn: number;
            };
            orgId: string;
            resolution: {
                bucketGrowth: number;
                note: string;
            };
            types: {
                acknowledge: {
                    count: number;
                    medianSeconds?: number;
                    p90Seconds?: number;
                };
                answer: {
                    count: number;
                    medianSeconds?: number;
                    p90Seconds?: number;
                };
                deadlines: {
                    met: number;
                    missed: number;
                };
                expired: number;
                outcomes: {
                    [key: string]: number;
                };
                refusals: {
                    [key: string]: number;
                };
                sent: number;
                type: string;
                withdrawn: number;
            }[];
        };
        UpdateTask: {
            description?: string;
            /** Format: date-time */
            dueAt?: string;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "critical";
            reason?: string;
            /** @enum {string} */
            status?: "open" | "accepted" | "in_progress" | "done" | "declined" | "cancelled";
            title?: string;
        };
        UpdateWorkspace: {
            /** @enum {string} */
            status?: "open" | "suspended" | "closed";
            title?: string;
        };
        Webhook: {
            /** @description The new signing secret, shown once; keep it to verify Taskforce-Signature */
            secret?: {
                id: string;
                value: string;
            };
            /** @description Live signing secrets (ids only); two during a rotation */
            secrets: {
                createdAt: string;
                expiresAt?: string;
                id: string;
            }[];
            url?: string;
            version: number;
        };
        WebhookChannel: {
            /** Format: uri */
            url: string;
        };
        Withdraw: {
            reason: string;
        };
        Workspace: {
            /** Format: date-time */
            closedAt?: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            leadOrgId: string;
            legalBasis: {
                /** @enum {string} */
                code: "UNCC" | "BUDAPEST" | "MLAT" | "JIT-AGREEMENT" | "EU-EEVIDENCE" | "NATIONAL";
                text: string;
            };
            members: {
                country: string;
                /** Format: date-time */
                joinedAt: string;
                orgId: string;
                orgName: string;
                /** @enum {string} */
                role: "lead" | "member" | "observer";
            }[];
            /** @enum {string} */
            status: "open" | "suspended" | "closed";
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
