// Generated from the API's /openapi.json by scripts/gen-api.ts. Do not edit: run `pnpm gen:api`.
export interface paths {
    "/v1/admin/matching/reindex": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-index one page of the records' selectors under the current matching key (platform administrators)
         * @description Step 2 of a matching key rotation: reads one bounded page of the requests, tasks and incidents of every workspace (a filtered table scan: `limit` counts the items read, so a page may hold no records and still have a `next`), hashes their selectors under the current key and adds each record to that key's index items. Idempotent: a record already indexed under the current key is left alone. Call again with `?cursor=<next>` until no `next` comes back (a cursor opens for the same administrator, for 24 hours). Audited on the platform chain, with counts only.
         */
        post: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Items read for this page, at most 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What this page read and added */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReindexReport"];
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
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, by e-mail address: one organisation's (`orgId`), or every organisation's */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserPage"];
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
                /** @description User administration is not configured on this deployment */
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
        put?: never;
        /**
         * Invite a user: the directory e-mails a temporary password, changed (and MFA enrolled) at first sign-in
         * @description An address already in the directory is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InviteUser"];
                };
            };
            responses: {
                /** @description Invited */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
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
                /** @description User administration is not configured on this deployment */
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
    "/v1/admin/users/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user's subject (the `sub` of their tokens) */
                    sub: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
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
                /** @description User administration is not configured on this deployment */
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{sub}/mfa-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget a user's second factor: they enrol again at their next sign-in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user's subject (the `sub` of their tokens) */
                    sub: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user, without a second factor */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
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
                /** @description User administration is not configured on this deployment */
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
    "/v1/admin/users/{sub}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's roles (they apply from the user's next token) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user's subject (the `sub` of their tokens) */
                    sub: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetUserRoles"];
                };
            };
            responses: {
                /** @description The user, with the new roles */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
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
                /** @description User administration is not configured on this deployment */
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
    "/v1/admin/users/{sub}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Disable a user (they are signed out everywhere at once and cannot sign in or refresh) or enable them again */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user's subject (the `sub` of their tokens) */
                    sub: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetUserStatus"];
                };
            };
            responses: {
                /** @description The user, with the new status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
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
                /** @description User administration is not configured on this deployment */
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
    "/v1/calendar/{feed}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's shifts through their secret calendar address, for a calendar application: the same feed as /v1/me/shifts.ics, without a token. Unknown, rotated or revoked: 404; after 30 misses within a minute from one client address: 429. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The secret of the address, then .ics */
                    feed: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
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
                /** @description Too many unknown addresses asked for; retry after the Retry-After header */
                429: {
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
    "/v1/matching/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check up to 500 selectors: hit or no hit, and for a hit the agency to contact and the marking it holds it under
         * @description Send JSON (`{"selectors": [...]}`) or CSV (`text/csv`: a header row `type,value` then any of `service,chain,observedAt,timeZone,port`, one selector a row; a malformed row is a 400 naming `body.row.<n>.<field>`). A hit names only the holding agency (id, name, country) and the TLP and caveats it holds the selector under: never its workspace or record. Your own organisation's holdings are never a hit (`heldByYou`). A holder whose country's policy keeps its selectors from you answers no hit. The holding agency is told that its selector matched (and by whom, as its policy says); every check is audited on the platform chain, with counts only.
         */
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
                    "application/json": components["schemas"]["CheckSelectors"];
                    "text/csv": string;
                };
            };
            responses: {
                /** @description One result per selector, in the order sent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckResult"];
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
    "/v1/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether you have a secret calendar address for your shifts, and since when (never the address: only its hash is kept) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your calendar address */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarFeedStatus"];
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
        /** Make a new secret calendar address for your shifts, ending the one before: the address is in this answer only (an Idempotency-Key replays nothing: the secret is never stored). At most 10 an hour (429 with Retry-After). */
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
            requestBody?: never;
            responses: {
                /** @description The new address */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarFeedIssued"];
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
                /** @description Too many addresses made; retry after the Retry-After header */
                429: {
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
        /** Revoke your secret calendar address: it answers 404 from now on */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
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
    "/v1/me/contact-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your contact methods, in the order they are tried when you are paged */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your contact methods */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContactMethodList"];
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
                /** @description Too many codes asked for; retry after the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel is not configured here or cannot be reached; retry later */
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
        put?: never;
        /**
         * Add an e-mail address, a phone number or a web-push subscription; a 6-digit code is sent to it (valid 10 minutes)
         * @description A phone number is E.164 (`+66812345678`), or national with its `region` (`TH`). A web-push subscription (made with the key of GET /v1/me/push-key) gets its code as a notification. The same method twice is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddContactMethod"];
                };
            };
            responses: {
                /** @description Added, unverified; `codeSent` says whether a code went out */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContactMethodAdded"];
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
                /** @description Too many codes asked for; retry after the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel is not configured here or cannot be reached; retry later */
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
    "/v1/me/contact-methods/{methodId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a contact method */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The contact method */
                    methodId: string;
                };
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
                /** @description Too many codes asked for; retry after the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel is not configured here or cannot be reached; retry later */
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
    "/v1/me/contact-methods/{methodId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new code (the previous one stops working)
         * @description At most one a minute and 5 an hour per method, 10 an hour per person (429 with Retry-After). A verified method gets no new code; a method that is not yours is a 404, as one that does not exist.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The contact method */
                    methodId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
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
                /** @description Too many codes asked for; retry after the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel is not configured here or cannot be reached; retry later */
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
    "/v1/me/contact-methods/{methodId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a method with the code it was sent
         * @description A wrong, expired or used-up code (5 tries) and an unknown method (or another person’s) get the same 400 naming `code`: nothing can be told apart.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The contact method */
                    methodId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VerifyContactMethod"];
                };
            };
            responses: {
                /** @description Verified */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContactMethod"];
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
                /** @description Too many codes asked for; retry after the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel is not configured here or cannot be reached; retry later */
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
    "/v1/me/contact-methods/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the order your methods are tried in: name each of them once */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReorderContactMethods"];
                };
            };
            responses: {
                /** @description In the new order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ContactMethod"][];
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
                /** @description Too many codes asked for; retry after the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel is not configured here or cannot be reached; retry later */
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
    "/v1/me/push-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The VAPID key to subscribe a browser to web push with */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            publicKey: string;
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
                /** @description Too many codes asked for; retry after the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel is not configured here or cannot be reached; retry later */
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/shifts.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own on-call shifts, in progress or in the next eight weeks, as an iCalendar feed (RFC 5545, UTC times) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
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
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation's notification inbox, oldest first unless `order=newest` (the pull channel) */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                    /** @description oldest first (the default, inbox order) or newest first */
                    order?: "oldest" | "newest";
                    /** @description true: leave out what the caller's own organisation did (escalations by the sweep stay) */
                    others?: "true" | "false";
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
    "/v1/notifications/all/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all read: acknowledge, in one bounded batch, the notifications received up to `until`; ask again while `more` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AcknowledgeAll"];
                };
            };
            responses: {
                /** @description How many were acknowledged, and whether more remain */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AcknowledgedAll"];
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
    "/v1/organisations/{orgId}/duty-contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who may stand on the organisation's rosters: its active duty contacts, by name */
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
                /** @description The duty contacts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterPeople"];
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
    "/v1/organisations/{orgId}/request-cosigners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set who co-signs your agency's emergency requests: any other officer (the default) or a supervisor (its policy_admin) */
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
                    /** @description Organisation id */
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetCosigners"];
                };
            };
            responses: {
                /** @description Set */
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{orgId}/rosters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation's rosters, oldest first (at most 20, in one list) */
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
                /** @description The rosters */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterList"];
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
        /** Create a roster: its time zone and layers of rotations (members: duty contacts of the organisation) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Organisation id */
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RosterInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Roster"];
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
    "/v1/organisations/{orgId}/rosters/{rosterId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One roster, with its overrides in force or to come */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organisation id */
                    orgId: string;
                    /** @description Roster id */
                    rosterId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The roster */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Roster"];
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
        /** Replace a roster's name, time zone and layers (its overrides stay) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the roster you read; required to replace it */
                    "if-match"?: string;
                };
                path: {
                    /** @description Organisation id */
                    orgId: string;
                    /** @description Roster id */
                    rosterId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        layers: {
                            handover: string;
                            members: string[];
                            name: string;
                            /** @default [] */
                            restrictions?: {
                                from: string;
                                to: string;
                            }[];
                            rotation: {
                                /** @enum {string} */
                                kind: "daily" | "weekly";
                            } | {
                                hours: number;
                                /** @constant */
                                kind: "custom";
                            };
                            start: string;
                        }[];
                        name: string;
                        timeZone: string;
                    };
                };
            };
            responses: {
                /** @description Replaced */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Roster"];
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
        /** Delete a roster */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the roster you read; required to replace it */
                    "if-match"?: string;
                };
                path: {
                    /** @description Organisation id */
                    orgId: string;
                    /** @description Roster id */
                    rosterId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
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
    "/v1/organisations/{orgId}/rosters/{rosterId}/oncall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call at `at` (default now) and until when, and who is next */
        get: {
            parameters: {
                query?: {
                    /** @description When (UTC); default now */
                    at?: string;
                };
                header?: never;
                path: {
                    /** @description Organisation id */
                    orgId: string;
                    /** @description Roster id */
                    rosterId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description On call now and next */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnCall"];
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
    "/v1/organisations/{orgId}/rosters/{rosterId}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an override: a duty contact covers from .. to .. (it wins over every layer; at most a month) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Organisation id */
                    orgId: string;
                    /** @description Roster id */
                    rosterId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OverrideInput"];
                };
            };
            responses: {
                /** @description The roster, with the override */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Roster"];
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
    "/v1/organisations/{orgId}/rosters/{rosterId}/overrides/{overrideId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an override */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organisation id */
                    orgId: string;
                    /** @description Override id */
                    overrideId: string;
                    /** @description Roster id */
                    rosterId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The roster, without the override */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Roster"];
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
    "/v1/organisations/{orgId}/rosters/{rosterId}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call for `days` days from `from` (default: a week from now): the shifts, overrides applied */
        get: {
            parameters: {
                query?: {
                    /** @description How many days, at most 35 */
                    days?: number;
                    /** @description From (UTC); default now */
                    from?: string;
                };
                header?: never;
                path: {
                    /** @description Organisation id */
                    orgId: string;
                    /** @description Roster id */
                    rosterId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The shifts, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShiftList"];
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
         * @description Rules only ever forbid: only_countries, never_countries, instrument_parties, no_private_sector (at or above a TLP), red_only_to, purge_after_close (days after a workspace closes); for hit/no-hit matching, no_matching (all checks, or checks by the countries listed) and match_notice (what your agencies are told of who matched: agency, country or nobody).
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
    "/v1/portal/requests/{requestId}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence files of a request addressed to you, oldest first */
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
                /** @description A page of evidence files */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidenceFilePage"];
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
         * Start uploading an evidence file of any size to a request addressed to you
         * @description Opens a resumable multipart upload (parts of 8 to 64 MiB, up to 53687091200 bytes): the answer names the part count; ask for part links, PUT each part to its link with the headers given, then complete with the whole file's SHA-256.
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
                    "application/json": components["schemas"]["StartEvidenceUpload"];
                };
            };
            responses: {
                /** @description Started: the session, no part stored yet */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidenceUploadSession"];
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
    "/v1/portal/requests/{requestId}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evidence file: status (uploading, verifying, stored, rejected), digest, quarantine and scan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidenceFile"];
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
    "/v1/portal/requests/{requestId}/files/{fileId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the upload with the whole file’s SHA-256; it is then joined and verified by streaming before it counts
         * @description A missing part is a 400 naming it (`part.<n>`). The file is `verifying` until the worker finds the digest (`stored`) or not (`rejected`, content deleted).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompleteEvidenceUpload"];
                };
            };
            responses: {
                /** @description Already completed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidenceFile"];
                    };
                };
                /** @description Verifying */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidenceFile"];
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
    "/v1/portal/requests/{requestId}/files/{fileId}/part-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Presigned PUT links for parts, each bound to the SHA-256 and size the client computed (the uploader only)
         * @description A part number beyond the session or a size other than the part’s is a 400 naming the field; a part storage already holds with another SHA-256 is a 409. Storage refuses a body whose checksum or length differs from the link’s.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EvidencePartLinksRequest"];
                };
            };
            responses: {
                /** @description One link per part asked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidencePartLinks"];
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
    "/v1/portal/requests/{requestId}/files/{fileId}/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The upload session and the parts storage already holds (what a resumed upload skips) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalEvidenceUploadSession"];
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
    "/v1/portal/requests/{requestId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request's thread with the requesting agency, newest first; poll with If-None-Match (304 when unchanged) */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: {
                    /** @description The ETag of the page last read: unchanged, the answer is 304 with no body */
                    "if-none-match"?: string;
                };
                path: {
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalMessagePage"];
                    };
                };
                /** @description Unchanged since the ETag sent in If-None-Match */
                304: {
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
            };
        };
        put?: never;
        /** Write to the requesting agency on the request */
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
                    "application/json": components["schemas"]["PostMessage"];
                };
            };
            responses: {
                /** @description Posted */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalMessage"];
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
    "/v1/portal/requests/{requestId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit your message (its earlier text is kept) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description Message id */
                    messageId: string;
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EditMessage"];
                };
            };
            responses: {
                /** @description Edited */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalMessage"];
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
    "/v1/portal/requests/{requestId}/messages/{messageId}/redact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redact your message: its text and earlier texts go */
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
                    /** @description Message id */
                    messageId: string;
                    /** @description Data request id */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redacted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalMessage"];
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
    "/v1/portal/requests/{requestId}/takedown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The progress of a takedown addressed to you */
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
                /** @description The counts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TakedownProgress"];
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
    "/v1/portal/requests/{requestId}/takedown/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer up to 500 items: removed, restricted, not found, or refused (with a reason)
         * @description One transaction per batch: the items, the counts and the audit entry. The request must be acknowledged. Answering an item the same way again changes nothing (a retried batch is harmless; an Idempotency-Key replays the first answer); changing an answer already given needs a `reason` of its own, else the whole batch is a 409. When no item is left pending the request becomes fulfilled (all removed or restricted), partially fulfilled, or cannot comply (none).
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
                    "application/json": components["schemas"]["AnswerTakedownItems"];
                };
            };
            responses: {
                /** @description Answered */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TakedownBatchAnswered"];
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
    "/v1/portal/requests/{requestId}/takedown/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The items of a takedown addressed to you, optionally of one status */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                    /** @description Only items with this status */
                    status?: "pending" | "removed" | "restricted" | "not_found" | "refused";
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
                /** @description A page of items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TakedownItemPage"];
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
    "/v1/portal/requests/{requestId}/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer per target: produce / do not produce (asset freeze: frozen / not held / cannot comply), in steps; `close` sets the outcome
         * @description A target is a selector, named by its position in `selectors` (0-based). Answers may be given and changed in several steps while the request is acknowledged; `close: true` needs every target answered and derives the outcome: all produced → fulfilled, some → partially_fulfilled, none → cannot_comply; an asset freeze with any target frozen → frozen (its freeze period starts), none → cannot_comply.
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
                    "application/json": components["schemas"]["AnswerTargets"];
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
    "/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the messages, tasks, data requests and incidents you may see in your workspaces
         * @description Matches titles, texts and selector values, ignoring case, accents and Vietnamese tones (Thai is found as written, without spaces). The evaluator decides every record before it is matched: hits, `counts`, their order and the cursor come only from records you may see. The whole query as written ranks first (`match: phrase`), then records holding all its words (`words`); newest first within each. Redacted messages never match. A private partner finds nothing here (404): its portal lists what is addressed to it.
         */
        get: {
            parameters: {
                query: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Only these kinds, comma-separated (message, task, request, incident); all unless given */
                    kinds?: string;
                    /** @description Hits on a page, at most 50 */
                    limit?: number;
                    /** @description What to find, 2 to 200 characters: any case, with or without accents or tones */
                    q: string;
                    /** @description Only this workspace (a 404 unless your organisation is a member) */
                    workspaceId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of hits, and how many of each kind in all */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchResult"];
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
    "/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence files of a record you may see, oldest first */
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
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of evidence files */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceFilePage"];
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
         * Start uploading an evidence file of any size to a record you may see
         * @description Opens a resumable multipart upload (parts of 8 to 64 MiB, up to 53687091200 bytes): the answer names the part count; ask for part links, PUT each part to its link with the headers given, then complete with the whole file's SHA-256.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StartEvidenceUpload"];
                };
            };
            responses: {
                /** @description Started: the session, no part stored yet */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceUploadSession"];
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
    "/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evidence file: status (uploading, verifying, stored, rejected), digest, quarantine and scan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceFile"];
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
    "/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the upload with the whole file’s SHA-256; it is then joined and verified by streaming before it counts
         * @description A missing part is a 400 naming it (`part.<n>`). The file is `verifying` until the worker finds the digest (`stored`) or not (`rejected`, content deleted).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompleteEvidenceUpload"];
                };
            };
            responses: {
                /** @description Already completed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceFile"];
                    };
                };
                /** @description Verifying */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceFile"];
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
    "/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned download link for a stored file (ranges allowed, so a download resumes); each link is a custody event
         * @description Quarantined content goes to the workspace’s evidence officer only (403 to anyone else).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The link, with the digest to check the download against */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceDownloadLink"];
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
    "/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/part-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Presigned PUT links for parts, each bound to the SHA-256 and size the client computed (the uploader only)
         * @description A part number beyond the session or a size other than the part’s is a 400 naming the field; a part storage already holds with another SHA-256 is a 409. Storage refuses a body whose checksum or length differs from the link’s.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EvidencePartLinksRequest"];
                };
            };
            responses: {
                /** @description One link per part asked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidencePartLinks"];
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
    "/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The upload session and the parts storage already holds (what a resumed upload skips) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceUploadSession"];
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
    "/v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files/{fileId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a quarantined evidence file (the workspace’s evidence officer; refused if the scan found threats) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Evidence file id */
                    fileId: string;
                    /** @description The task, incident, data request or channel id */
                    parentId: string;
                    /** @description The kind of record the evidence hangs off: `tasks`, `incidents`, `requests` or `channels` */
                    parentKind: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Released */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceFile"];
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
    "/v1/workspaces/{workspaceId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workspace's hash-chained audit trail, oldest first (lead or auditor); entries about records the caller may not see are sealed
         * @description Filters (`action`, `actor`, `record`, `kind`, `from`, `to`) are applied before paging and match only entries you may see whole: sealed entries are left out of a filtered page. A filtered page may come back short, or empty, with a `next` while the trail has more to read; the `next` of a filtered page opens only with the same filters.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only entries of these actions (one, or several separated by commas) */
                    action?: string;
                    /** @description Only entries by this organisation (its id) or this person (their subject) */
                    actor?: string;
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Only entries at or after this time */
                    from?: string;
                    /** @description reads: reads, lists, downloads and exports; changes: everything else */
                    kind?: "reads" | "changes";
                    /** @description Page size, at most 100 */
                    limit?: number;
                    /** @description Only entries about this record (its id) */
                    record?: string;
                    /** @description Only entries at or before this time */
                    to?: string;
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
    "/v1/workspaces/{workspaceId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's channels you may see: `general` first, then those the lead opened */
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
                /** @description A page of channels */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelPage"];
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
        /** Open a named channel (lead); its marking is what its messages inherit (default TLP:GREEN to every member) */
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
                    "application/json": components["schemas"]["CreateChannel"];
                };
            };
            responses: {
                /** @description Opened */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
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
    "/v1/workspaces/{workspaceId}/evidence-officer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the workspace’s evidence officer is (the one person who releases quarantined evidence) */
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
                /** @description The officer, if one is named */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceOfficer"];
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
        /** Name the workspace’s evidence officer: one person of the lead or a member organisation (lead) */
        put: {
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
                    "application/json": components["schemas"]["SetEvidenceOfficer"];
                };
            };
            responses: {
                /** @description Named */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceOfficer"];
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
    "/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back your own acknowledgement for your country within seconds (`ackUndoUntil`), if nothing happened since: the ladder resumes at the same level and deadline */
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
                    "application/json": components["schemas"]["UndoAcknowledgement"];
                };
            };
            responses: {
                /** @description Raised again */
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
    "/v1/workspaces/{workspaceId}/incidents/{incidentId}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Escalate a country's ladder now: its next level fires at once, and later deadlines count from now */
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
                    "application/json": components["schemas"]["EscalateNow"];
                };
            };
            responses: {
                /** @description Escalated */
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
    "/v1/workspaces/{workspaceId}/incidents/{incidentId}/pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the incident paged, oldest first: per person the level, the reason, the status and each attempt (channel, status) */
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
                    /** @description Incident id */
                    incidentId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the delivery trail */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonPagePage"];
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
        /** Page a country's current level again (`level`) or every member of the rosters its ladder names (`team`): its ladder's contacts, the raiser or the lead */
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
                    "application/json": components["schemas"]["Repage"];
                };
            };
            responses: {
                /** @description The pages written (queued for sending) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonPageList"];
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
    "/v1/workspaces/{workspaceId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a workspace report (PDF): members, tasks (overdue flagged), incidents and requests with their clocks, as you may see them
         * @description Poll the job (its Location) until `ready`; its `download.url` then reads the PDF for five minutes, and each GET issues a fresh link. Every page carries the TLP banner of the highest marking it holds and REL TO.
         */
        post: {
            parameters: {
                query?: {
                    /** @description The reader's language, beside English (en: English alone); absent, the first of Accept-Language that is one */
                    lang?: "en" | "vi" | "th";
                };
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
                        "application/json": components["schemas"]["DocumentJob"];
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
    "/v1/workspaces/{workspaceId}/reports/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace report you asked for: its state and, once ready, a short-lived download link, size and SHA-256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document job id */
                    documentId: string;
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
                        "application/json": components["schemas"]["DocumentJob"];
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An e-Evidence order's certificate (EPOC: Annex I, EPOC-PR: Annex II) as XML, its sections in annex order */
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
                /** @description The certificate (docs/e-evidence.md) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/cosign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (send) or refuse, as a second officer of the sending agency signed in with MFA, a request awaiting co-signature */
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
                    "application/json": components["schemas"]["Cosign"];
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
        /** Extend the legal clock once, where its rule allows (e.g. EU preservation by 30 days); the reason, if given, is audited and told to the partner */
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
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Extend"];
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a request's court package (PDF): the request, legal basis, clock history, clarifications, answers, evidence digests, custody events and audit inclusion proofs (the requesting agency's officers, or the lead's)
         * @description Poll the job (its Location) until `ready`; its `download.url` then reads the PDF for five minutes, and each GET issues a fresh link. Every page carries the TLP banner of the highest marking it holds and REL TO. A package verifies offline: `pnpm verify-package <file.pdf> --keys <keys.json>`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description The reader's language, beside English (en: English alone); absent, the first of Accept-Language that is one */
                    lang?: "en" | "vi" | "th";
                };
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
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
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentJob"];
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/packages/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request package you asked for: its state and, once ready, a short-lived download link, size and SHA-256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document job id */
                    documentId: string;
                    /** @description Data request id */
                    requestId: string;
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
                        "application/json": components["schemas"]["DocumentJob"];
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a frozen asset freeze: the partner may let the assets go (requesting agency or lead) */
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew a frozen asset freeze for another period of its rule, before it lapses (requesting agency or lead) */
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/takedown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A takedown's progress: items in all, and how many are pending, removed, restricted, not found, refused */
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
                /** @description The counts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TakedownProgress"];
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/takedown/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A takedown's items in order, optionally of one status */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                    /** @description Only items with this status */
                    status?: "pending" | "removed" | "restricted" | "not_found" | "refused";
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
                /** @description A page of items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TakedownItemPage"];
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
    "/v1/workspaces/{workspaceId}/requests/{requestId}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate (as a judge, court, investigating judge or prosecutor, as Art. 4 of Regulation (EU) 2023/1543 allows) or refuse an e-Evidence order awaiting validation; never one you issued */
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
                    "application/json": components["schemas"]["ValidateOrder"];
                };
            };
            responses: {
                /** @description Decided */
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
    "/v1/workspaces/{workspaceId}/stix-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a previewed STIX 2.1 bundle: its records stored, their selectors indexed for hit/no-hit checks
         * @description Send the same bundle and `digest` the preview answered (and the same default marking). Records go in transactions of at most 90 writes, each with its audit entry and event; an object already imported is left as it is, so sending the same again after a failure finishes the import.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Caveats of the default marking (NO-PRIVATE-SECTOR, ORCON), comma-separated */
                    caveats?: string;
                    /** @description On commit: the SHA-256 the preview answered */
                    digest?: string;
                    /** @description Embargo of the default marking (ISO 8601) */
                    embargoUntil?: string;
                    /** @description Named recipient organisations of a RED default marking, comma-separated */
                    recipients?: string;
                    /** @description REL TO of the default marking: `members`, or ISO 3166-1 alpha-3 countries, comma-separated */
                    releasableTo?: string;
                    /** @description TLP of the default marking: CLEAR, GREEN, AMBER, AMBER+STRICT, RED */
                    tlp?: string;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            /** @description A STIX 2.1 bundle (application/stix+json;version=2.1, or application/json), at most 8388608 bytes and 10,000 objects */
            requestBody: {
                content: {
                    "application/stix+json": {
                        id: string;
                        objects: Record<string, never>[];
                        /** @constant */
                        type: "bundle";
                    };
                };
            };
            responses: {
                /** @description Imported */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StixImportResult"];
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
                /** @description A body that is not application/stix+json;version=2.1 or application/json */
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
    "/v1/workspaces/{workspaceId}/stix-imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a STIX 2.1 bundle would create: per object the record, its selectors, its marking, new or already imported
         * @description Every object is validated against the OASIS STIX 2.1 JSON schemas; a 400 names each bad object (`index`, `id`) and field. Unknown types and marking references to definitions that are neither TLP nor in the bundle are refused. The answer carries `digest`, the SHA-256 of the canonical bundle, which the import must send back.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Caveats of the default marking (NO-PRIVATE-SECTOR, ORCON), comma-separated */
                    caveats?: string;
                    /** @description On commit: the SHA-256 the preview answered */
                    digest?: string;
                    /** @description Embargo of the default marking (ISO 8601) */
                    embargoUntil?: string;
                    /** @description Named recipient organisations of a RED default marking, comma-separated */
                    recipients?: string;
                    /** @description REL TO of the default marking: `members`, or ISO 3166-1 alpha-3 countries, comma-separated */
                    releasableTo?: string;
                    /** @description TLP of the default marking: CLEAR, GREEN, AMBER, AMBER+STRICT, RED */
                    tlp?: string;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            /** @description A STIX 2.1 bundle (application/stix+json;version=2.1, or application/json), at most 8388608 bytes and 10,000 objects */
            requestBody: {
                content: {
                    "application/stix+json": {
                        id: string;
                        objects: Record<string, never>[];
                        /** @constant */
                        type: "bundle";
                    };
                };
            };
            responses: {
                /** @description What would be created */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StixImportPreview"];
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
                /** @description A body that is not application/stix+json;version=2.1 or application/json */
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
    "/v1/workspaces/{workspaceId}/stix-imports/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records imported into a workspace that you may see */
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
                /** @description A page of imported records */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntelPage"];
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
    "/v1/workspaces/{workspaceId}/stix-imports/records/{recordId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One imported record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Imported record id */
                    recordId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Intel"];
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
    "/v1/workspaces/{workspaceId}/takedowns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Raise a takedown request to a tech or telecom company, with up to 5,000 items (JSON list or CSV text)
         * @description Items are `{kind, service, value, note?}` (kind: account, group, channel, page, url), or `csv`: one item a line, `kind,service,value[,note]` or a bare URL. A malformed line is a 400 naming the line and the field; duplicates are collapsed and counted in `intake`. The request and all its items are written in one transaction. Clock: EU-TCO 1 hour, EU-DSA 72 hours, NATIONAL 24 hours (emergency: 8 hours).
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
                    "application/json": components["schemas"]["CreateTakedown"];
                };
            };
            responses: {
                /** @description Raised */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TakedownCreated"];
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
    "/v1/workspaces/{workspaceId}/takedowns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a CSV or pasted list of takedown items (text/csv): counts and duplicates, or the first malformed line
         * @description Nothing is stored. The same reading as `csv` in a takedown: a 400 names the line and the field.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description What the list holds */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TakedownIntake"];
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
    "/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A thread's messages you may see, newest first. Poll it with If-None-Match: an unchanged page is a 304 (the ETag is computed over what you see) */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                };
                header?: {
                    /** @description The ETag of the page last read: unchanged, the answer is 304 with no body */
                    "if-none-match"?: string;
                };
                path: {
                    /** @description What the thread hangs off: `channel`, `task`, `incident` or `request` */
                    kind: string;
                    /** @description The channel, task, incident or request id */
                    threadId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessagePage"];
                    };
                };
                /** @description Unchanged since the ETag sent in If-None-Match */
                304: {
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
            };
        };
        put?: never;
        /** Post a message: the thread's marking, or a narrower one; replies and mentions of members (on a request's thread: its partner) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a POST safely: the same key with the same request returns the first result */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description What the thread hangs off: `channel`, `task`, `incident` or `request` */
                    kind: string;
                    /** @description The channel, task, incident or request id */
                    threadId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PostMessage"];
                };
            };
            responses: {
                /** @description Posted */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
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
    "/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit your message: the text it had is kept as a revision, hash-linked to the one before */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag (version) of the record being changed; required */
                    "if-match"?: string;
                };
                path: {
                    /** @description What the thread hangs off: `channel`, `task`, `incident` or `request` */
                    kind: string;
                    /** @description Message id */
                    messageId: string;
                    /** @description The channel, task, incident or request id */
                    threadId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EditMessage"];
                };
            };
            responses: {
                /** @description Edited */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
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
    "/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}/redact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redact a message (its author, or a policy admin of its originator's country): its text and revisions go, the trail names who */
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
                    /** @description What the thread hangs off: `channel`, `task`, `incident` or `request` */
                    kind: string;
                    /** @description Message id */
                    messageId: string;
                    /** @description The channel, task, incident or request id */
                    threadId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redacted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
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
    "/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The earlier texts of a message you may see, the original first, each hash-linked to the one before */
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
                    /** @description What the thread hangs off: `channel`, `task`, `incident` or `request` */
                    kind: string;
                    /** @description Message id */
                    messageId: string;
                    /** @description The channel, task, incident or request id */
                    threadId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of revisions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageRevisionPage"];
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
    "/v1/workspaces/{workspaceId}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The release requests your organisation asked, and those about records it originated, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours */
                    cursor?: string;
                    /** @description Page size, at most 100 */
                    limit?: number;
                    status?: "pending" | "approved" | "refused" | "withdrawn";
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
                /** @description A page of transfer requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TransferPage"];
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
         * Ask the originator to release a record you may see (task, data request, incident) to a further country or organisation
         * @description A record you may not see is a 404; one already releasable to the destination is a 409, as is a second open request for the same record and destination. The destination must also be allowed by the originating country’s policy: an approval cannot override its forbid (409 naming the reason).
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
                    "application/json": components["schemas"]["RequestTransfer"];
                };
            };
            responses: {
                /** @description Asked */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
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
    "/v1/workspaces/{workspaceId}/transfers/{transferId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transfer request (its asker and the originator only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Transfer request id */
                    transferId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The transfer request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
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
    "/v1/workspaces/{workspaceId}/transfers/{transferId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve the release (an officer of the record's originator): the record's marking changes in the same transaction
         * @description The record's version is checked in that transaction; the transfer's is checked against If-Match when sent. The destination must also be allowed by the originating country’s policy: an approval cannot override its forbid (409 naming the reason).
         */
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
                    /** @description Transfer request id */
                    transferId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Approved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
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
    "/v1/workspaces/{workspaceId}/transfers/{transferId}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse the release, with a reason (an officer of the record's originator); the marking is untouched and it may be asked again */
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
                    /** @description Transfer request id */
                    transferId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefuseTransfer"];
                };
            };
            responses: {
                /** @description Refused */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
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
    "/v1/workspaces/{workspaceId}/transfers/{transferId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a pending release request (the organisation that asked) */
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
                    /** @description Transfer request id */
                    transferId: string;
                    /** @description Workspace id */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Withdrawn */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcknowledgeAll: {
            /** Format: date-time */
            until?: string;
        };
        AcknowledgedAll: {
            /** @description How many notifications this batch acknowledged */
            acknowledged: number;
            /** @description true: pending notifications up to `until` remain; ask again */
            more: boolean;
        };
        AcknowledgeIncident: {
            country?: string;
            note?: string;
        };
        AddContactMethod: {
            /** Format: email */
            address: string;
            /** @constant */
            kind: "email";
        } | {
            /** @constant */
            kind: "phone";
            number: string;
            region?: string;
        } | {
            /** @constant */
            kind: "push";
            subscription: {
                /** Format: uri */
                endpoint: string;
                keys: {
                    auth: string;
                    p256dh: string;
                };
            };
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
        AnswerTakedownItems: {
            answers: {
                n: number;
                reason?: string;
                /** @enum {string} */
                status: "removed" | "restricted" | "not_found" | "refused";
            }[];
        };
        AnswerTargets: {
            /** @default [] */
            answers: ({
                /** @constant */
                decision: "produce";
                detail?: string;
                target: number;
            } | {
                /** @constant */
                decision: "do_not_produce";
                detail?: string;
                /** @enum {string} */
                reason: "incomplete" | "manifest_errors" | "insufficient_information" | "data_not_stored" | "person_not_identified" | "service_not_covered" | "de_facto_impossible" | "conflicting_obligations" | "other";
                target: number;
            } | {
                amount: string;
                /** @constant */
                decision: "frozen";
                detail?: string;
                reference: string;
                target: number;
            } | {
                /** @constant */
                decision: "not_held";
                detail?: string;
                target: number;
            } | {
                /** @constant */
                decision: "cannot_comply";
                detail?: string;
                /** @enum {string} */
                reason: "incomplete" | "manifest_errors" | "insufficient_information" | "data_not_stored" | "person_not_identified" | "service_not_covered" | "de_facto_impossible" | "conflicting_obligations" | "other";
                target: number;
            })[];
            /** @default false */
            close: boolean;
            detail?: string;
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
                code: "access_lost" | "upload_failed" | "read_failed" | "out_of_time" | "never_finished";
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
        CalendarFeedIssued: {
            createdAt: string;
            /** @description The secret address, /v1/calendar/<secret>.ics, on this API's origin: shown this once */
            path: string;
        };
        CalendarFeedStatus: {
            active: boolean;
            createdAt: string | null;
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
        Channel: {
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                orgId: string;
                sub: string;
            };
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
            name: string;
            version: number;
            workspaceId: string;
        };
        ChannelPage: {
            items: components["schemas"]["Channel"][];
            next?: string;
        };
        CheckResult: {
            /** Format: date-time */
            checkedAt: string;
            hits: number;
            results: {
                contacts: {
                    caveats: string[];
                    country: string;
                    name: string;
                    orgId: string;
                    /** @enum {string} */
                    tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                }[];
                heldByYou: boolean;
                hit: boolean;
                index: number;
                type: string;
            }[];
            selectors: number;
        };
        CheckSelectors: {
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
        };
        Clarify: {
            question: string;
        };
        CompleteEvidenceUpload: {
            sha256: string;
        };
        ContactMethod: {
            /** @description The e-mail address, the phone number in E.164, or a push subscription's service origin */
            address: string;
            /** @description A code was sent and may be typed until then */
            codeExpiresAt?: string;
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "email" | "phone" | "push";
            /** @description Where it comes in the order methods are tried (1 first) */
            position: number;
            /** @enum {string} */
            status: "unverified" | "verified";
            verifiedAt?: string;
        };
        ContactMethodAdded: {
            codeSent: boolean;
            method: components["schemas"]["ContactMethod"];
        };
        ContactMethodList: {
            items: components["schemas"]["ContactMethod"][];
            version: number;
        };
        Cosign: {
            /** @constant */
            decision: "approve";
        } | {
            /** @constant */
            decision: "refuse";
            reason: string;
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
                personSub?: string;
                rosterId?: string;
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
                personSub?: string;
                rosterId?: string;
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
                personSub?: string;
                rosterId?: string;
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
                personSub?: string;
                rosterId?: string;
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
                personSub?: string;
                rosterId?: string;
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
                personSub?: string;
                rosterId?: string;
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
            } | {
                towards?: string[];
                /** @constant */
                type: "no_matching";
            } | {
                /** @enum {string} */
                tell: "agency" | "country" | "nobody";
                /** @constant */
                type: "match_notice";
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
        CreateChannel: {
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
            name: string;
        };
        CreateRequest: {
            assets?: {
                amount: string;
                asset: string;
                target: number;
            }[];
            certificate?: {
                additionalInformation?: string;
                addressee: {
                    /** @enum {string} */
                    kind: "designated_establishment" | "legal_representative";
                    memberState: string;
                    name: string;
                };
                categories: ("subscriber" | "identification" | "traffic" | "content")[];
                contactAuthority?: string;
                dataRequested: string;
                emergencyJustification?: string;
                enforcingAuthority?: string;
                fileReference?: string;
                issuingAuthority: {
                    contact: string;
                    /** @enum {string} */
                    kind: "judge" | "court" | "investigating_judge" | "prosecutor" | "other_competent_authority";
                    name: string;
                };
                issuingState: string;
                offence: {
                    description: string;
                    legalProvision: string;
                    maxPenalty?: string;
                };
                personResidesInIssuingState: boolean;
                preservationReference?: string;
                /** @enum {string} */
                subsequentRequest?: "epoc" | "eio" | "mla";
                userInformation: {
                    delay: boolean;
                    reason?: string;
                };
            };
            description: string;
            legalBasis: {
                /** @enum {string} */
                code: "EU-EEVIDENCE" | "US-2703F" | "BUDAPEST" | "UNCC" | "MLAT" | "NATIONAL" | "PROVISIONAL-MEASURE" | "EU-TCO" | "EU-DSA";
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
            type: "preservation" | "production" | "emergency_disclosure" | "subscriber_info" | "traffic_data" | "content" | "asset_freeze" | "takedown" | "epoc" | "epoc_pr";
            /**
             * @default standard
             * @enum {string}
             */
            urgency: "standard" | "emergency";
        };
        CreateTakedown: {
            csv?: string;
            description: string;
            items?: {
                /** @enum {string} */
                kind: "account" | "group" | "channel" | "page" | "url";
                note?: string;
                service: string;
                value: string;
            }[];
            legalBasis: {
                /** @enum {string} */
                code: "EU-TCO" | "EU-DSA" | "NATIONAL";
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
            providerOrgId: string;
            /** @default true */
            send: boolean;
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
            selectors?: ({
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
            title: string;
        };
        CreateWorkspace: {
            description?: string;
            legalBasis: {
                /** @enum {string} */
                code: "UNCC" | "BUDAPEST" | "MLAT" | "JIT-AGREEMENT" | "EU-EEVIDENCE" | "NATIONAL";
                text: string;
            };
            title: string;
        };
        DataRequest: {
            certificate?: {
                additionalInformation?: string;
                addressee: {
                    /** @enum {string} */
                    kind: "designated_establishment" | "legal_representative";
                    memberState: string;
                    name: string;
                };
                categories: ("subscriber" | "identification" | "traffic" | "content")[];
                contactAuthority?: string;
                dataRequested: string;
                emergencyJustification?: string;
                enforcingAuthority?: string;
                fileReference?: string;
                issuingAuthority: {
                    contact: string;
                    /** @enum {string} */
                    kind: "judge" | "court" | "investigating_judge" | "prosecutor" | "other_competent_authority";
                    name: string;
                };
                issuingState: string;
                offence: {
                    description: string;
                    legalProvision: string;
                    maxPenalty?: string;
                };
                personResidesInIssuingState: boolean;
                preservationReference?: string;
                /** @enum {string} */
                subsequentRequest?: "epoc" | "eio" | "mla";
                userInformation: {
                    delay: boolean;
                    reason?: string;
                };
            };
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
            cosign?: {
                agencyName?: string;
                /** Format: date-time */
                at?: string;
                by?: {
                    mfa: boolean;
                    orgId: string;
                    sub: string;
                };
                callback?: string;
                /** Format: date-time */
                dueAt: string;
                reason?: string;
                /** @enum {string} */
                status: "awaiting" | "approved" | "refused" | "lapsed";
            };
            /** Format: date-time */
            createdAt: string;
            description: string;
            evidence: {
                registered: number;
                stored: number;
            };
            freeze?: {
                assets: {
                    amount: string;
                    asset: string;
                    target: number;
                }[];
                /** Format: date-time */
                frozenAt?: string;
                renewals: number;
            };
            id: string;
            legalBasis: {
                /** @enum {string} */
                code: "EU-EEVIDENCE" | "US-2703F" | "BUDAPEST" | "UNCC" | "MLAT" | "NATIONAL" | "PROVISIONAL-MEASURE" | "EU-TCO" | "EU-DSA";
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
            status: "draft" | "awaiting_cosign" | "cosign_refused" | "awaiting_validation" | "validated" | "validation_refused" | "sent" | "acknowledged" | "clarification_requested" | "preserved" | "fulfilled" | "partially_fulfilled" | "cannot_comply" | "withdrawn" | "expired" | "frozen" | "released" | "lapsed";
            takedown?: {
                chunks: number;
                counts: {
                    not_found: number;
                    pending: number;
                    refused: number;
                    removed: number;
                    restricted: number;
                };
                duplicates: number;
                total: number;
            };
            targets?: {
                amount?: string;
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                decision: "produce" | "do_not_produce" | "frozen" | "not_held" | "cannot_comply";
                detail?: string;
                evidence: number;
                /** @enum {string} */
                reason?: "incomplete" | "manifest_errors" | "insufficient_information" | "data_not_stored" | "person_not_identified" | "service_not_covered" | "de_facto_impossible" | "conflicting_obligations" | "other";
                reference?: string;
                target: number;
            }[];
            /** @enum {string} */
            type: "preservation" | "production" | "emergency_disclosure" | "subscriber_info" | "traffic_data" | "content" | "asset_freeze" | "takedown" | "epoc" | "epoc_pr";
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            urgency: "standard" | "emergency";
            validation?: {
                /** Format: date-time */
                at?: string;
                authority?: {
                    /** @enum {string} */
                    kind: "judge" | "court" | "investigating_judge" | "prosecutor";
                    name: string;
                };
                by?: {
                    orgId: string;
                    sub: string;
                };
                reason?: string;
                /** @enum {string} */
                status: "awaiting" | "validated" | "refused";
                validators: ("judge" | "court" | "investigating_judge" | "prosecutor")[];
            };
            version: number;
            withdrawnReason?: string;
            workspaceId: string;
        };
        DataRequestPage: {
            items: components["schemas"]["DataRequest"][];
            next?: string;
        };
        DocumentJob: {
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
                code: "access_lost" | "render_failed" | "upload_failed" | "read_failed";
            };
            id: string;
            /** @enum {string} */
            kind: "request_package" | "workspace_report";
            /** @enum {string} */
            lang: "en" | "vi" | "th";
            requestId?: string;
            sha256?: string;
            /** @enum {string} */
            status: "queued" | "ready" | "failed";
            /** Format: date-time */
            updatedAt: string;
            workspaceId: string;
        };
        EditMessage: {
            text: string;
        };
        EscalateNow: {
            country: string;
        };
        EvidenceDownloadLink: {
            /** Format: date-time */
            expiresAt: string;
            sha256: string;
            size: number;
            url: string;
        };
        EvidenceFile: {
            canDownload: boolean;
            canRelease: boolean;
            /** Format: date-time */
            completedAt?: string;
            /** Format: date-time */
            createdAt: string;
            fileName: string;
            id: string;
            marking?: {
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
            mediaType: string;
            parent: {
                id: string;
                /** @enum {string} */
                kind: "channel" | "task" | "incident" | "request";
            };
            partCount: number;
            partSize: number;
            /** @enum {string} */
            quarantine: "none" | "held" | "released";
            /** @enum {string} */
            rejected?: "digest_mismatch" | "size_mismatch" | "join_failed";
            /** Format: date-time */
            releasedAt?: string;
            /** @enum {string} */
            scan?: "pending" | "clean" | "threats_found" | "failed" | "unavailable";
            sha256?: string;
            size: number;
            /** @enum {string} */
            status: "uploading" | "verifying" | "stored" | "rejected";
            /** Format: date-time */
            storedAt?: string;
            untrusted: boolean;
            uploadedBy?: {
                /** @enum {string} */
                kind: "agency" | "partner";
                orgId: string;
            };
            version: number;
        };
        EvidenceFilePage: {
            items: components["schemas"]["EvidenceFile"][];
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
            targets?: number[];
            uploadedBy: {
                orgId: string;
                sub: string;
            };
            version: number;
            workspaceId: string;
        };
        EvidenceOfficer: {
            officer?: {
                orgId: string;
                sub: string;
            };
            /** Format: date-time */
            setAt?: string;
        };
        EvidencePage: {
            items: components["schemas"]["EvidenceItem"][];
            next?: string;
        };
        EvidencePartLinks: {
            links: {
                /** Format: date-time */
                expiresAt: string;
                headers: {
                    [key: string]: string;
                };
                /** @constant */
                method: "PUT";
                partNumber: number;
                url: string;
            }[];
        };
        EvidencePartLinksRequest: {
            parts: {
                partNumber: number;
                sha256: string;
                size: number;
            }[];
        };
        EvidenceUploadSession: {
            item: {
                canDownload: boolean;
                canRelease: boolean;
                /** Format: date-time */
                completedAt?: string;
                /** Format: date-time */
                createdAt: string;
                fileName: string;
                id: string;
                marking?: {
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
                mediaType: string;
                parent: {
                    id: string;
                    /** @enum {string} */
                    kind: "channel" | "task" | "incident" | "request";
                };
                partCount: number;
                partSize: number;
                /** @enum {string} */
                quarantine: "none" | "held" | "released";
                /** @enum {string} */
                rejected?: "digest_mismatch" | "size_mismatch" | "join_failed";
                /** Format: date-time */
                releasedAt?: string;
                /** @enum {string} */
                scan?: "pending" | "clean" | "threats_found" | "failed" | "unavailable";
                sha256?: string;
                size: number;
                /** @enum {string} */
                status: "uploading" | "verifying" | "stored" | "rejected";
                /** Format: date-time */
                storedAt?: string;
                untrusted: boolean;
                uploadedBy?: {
                    /** @enum {string} */
                    kind: "agency" | "partner";
                    orgId: string;
                };
                version: number;
            };
            parts: {
                partNumber: number;
                sha256: string;
                size: number;
            }[];
        };
        Extend: {
            reason?: string;
        };
        Incident: {
            alerts: {
                /** Format: date-time */
                acknowledgedAt?: string;
                acknowledgedBy?: {
                    orgId: string;
                    sub: string;
                };
                /** Format: date-time */
                ackUndoUntil?: string;
                country: string;
                escalatedNow?: {
                    /** Format: date-time */
                    at: string;
                    step: number;
                };
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
            selectors?: ({
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
                people?: number;
                rosterId?: string;
                round?: number;
                to?: string[];
                /** @enum {string} */
                what: "raised" | "notified" | "escalated" | "acknowledged" | "acknowledgement_undone" | "resolved" | "exhausted" | "nobody_on_call" | "repaged" | "team_paged";
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
        Intel: {
            /** Format: date-time */
            createdAt: string;
            createdByRef?: string;
            description: string;
            id: string;
            importDigest: string;
            importedBy: {
                orgId: string;
                sub: string;
            };
            /** @enum {string} */
            kind: "indicator" | "observed-data" | "observable" | "note" | "report" | "other";
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
            name: string;
            objectRefs?: string[];
            selectors?: ({
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
            stixId: string;
            stixType: string;
            version: number;
            workspaceId: string;
        };
        IntelPage: {
            items: components["schemas"]["Intel"][];
            next?: string;
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
        InviteUser: {
            /** Format: email */
            email: string;
            name: string;
            orgId: string;
            roles: ("officer" | "admin" | "policy_admin" | "duty_contact" | "auditor" | "responder" | "supervisor" | "validating_authority")[];
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
        Message: {
            attachments: string[];
            author: {
                orgId: string;
                sub: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            editedAt?: string;
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
            mentions: {
                orgs: string[];
                people: {
                    orgId: string;
                    sub: string;
                }[];
            };
            redacted?: {
                /** Format: date-time */
                at: string;
                by: {
                    orgId: string;
                    sub: string;
                };
            };
            replyTo?: string;
            revisionHead?: string;
            revisions?: number;
            text: string;
            thread: {
                id: string;
                /** @enum {string} */
                kind: "channel" | "task" | "incident" | "request";
            };
            version: number;
            workspaceId: string;
        };
        MessagePage: {
            items: components["schemas"]["Message"][];
            next?: string;
        };
        MessageRevision: {
            /** Format: date-time */
            at: string;
            hash: string;
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
            messageId: string;
            n: number;
            prev: string;
            text: string;
            threadKey: string;
            workspaceId: string;
        };
        MessageRevisionPage: {
            items: components["schemas"]["MessageRevision"][];
            next?: string;
        };
        Notification: components["schemas"]["PartnerNotification"] | components["schemas"]["AgencyNotification"];
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            next?: string;
        };
        OnCall: {
            at: string;
            next: {
                from: string;
                name?: string;
                /** @description Why: the layer (its index; a later layer wins) or the override (its id) */
                source: {
                    layer: number;
                } | {
                    override: string;
                };
                sub: string;
                to: string;
            } | null;
            now: {
                name?: string;
                /** @description Why: the layer (its index; a later layer wins) or the override (its id) */
                source: {
                    layer: number;
                } | {
                    override: string;
                };
                sub: string;
                until: string | null;
            } | null;
            rosterId: string;
        };
        Organisation: {
            /** @enum {string} */
            cosigners?: "any_officer" | "supervisor";
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
        OverrideInput: {
            /** Format: date-time */
            from: string;
            sub: string;
            /** Format: date-time */
            to: string;
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
        /** @description One person paged: never an address, a secret or a message id */
        PersonPage: {
            ackUsedAt?: string;
            attempts: {
                at: string;
                /** @enum {string} */
                channel: "email" | "sms" | "push";
                n: number;
                reason?: string;
                /** @enum {string} */
                status: "sending" | "sent" | "delivered" | "failed";
            }[];
            country: string;
            createdAt: string;
            expiresAt: string;
            id: string;
            level: number;
            name?: string;
            orgId: string;
            /** @enum {string} */
            reason: "on_call" | "named" | "team" | "repage";
            round: number;
            /** @enum {string} */
            status: "queued" | "sending" | "sent" | "delivered" | "failed" | "undeliverable" | "stopped" | "acknowledged";
            sub: string;
        };
        PersonPageList: {
            items: components["schemas"]["PersonPage"][];
        };
        PersonPagePage: {
            items: components["schemas"]["PersonPage"][];
            next?: string;
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
            targets?: number[];
            version: number;
        };
        PortalEvidenceFile: {
            canDownload: boolean;
            canRelease: boolean;
            /** Format: date-time */
            completedAt?: string;
            /** Format: date-time */
            createdAt: string;
            fileName: string;
            id: string;
            mediaType: string;
            parent: {
                id: string;
                /** @enum {string} */
                kind: "channel" | "task" | "incident" | "request";
            };
            partCount: number;
            partSize: number;
            /** @enum {string} */
            quarantine: "none" | "held" | "released";
            /** @enum {string} */
            rejected?: "digest_mismatch" | "size_mismatch" | "join_failed";
            /** Format: date-time */
            releasedAt?: string;
            /** @enum {string} */
            scan?: "pending" | "clean" | "threats_found" | "failed" | "unavailable";
            sha256?: string;
            size: number;
            /** @enum {string} */
            status: "uploading" | "verifying" | "stored" | "rejected";
            /** Format: date-time */
            storedAt?: string;
            untrusted: boolean;
            version: number;
        };
        PortalEvidenceFilePage: {
            items: components["schemas"]["PortalEvidenceFile"][];
            next?: string;
        };
        PortalEvidencePage: {
            items: components["schemas"]["PortalEvidence"][];
            next?: string;
        };
        PortalEvidenceUploadSession: {
            item: {
                canDownload: boolean;
                canRelease: boolean;
                /** Format: date-time */
                completedAt?: string;
                /** Format: date-time */
                createdAt: string;
                fileName: string;
                id: string;
                mediaType: string;
                parent: {
                    id: string;
                    /** @enum {string} */
                    kind: "channel" | "task" | "incident" | "request";
                };
                partCount: number;
                partSize: number;
                /** @enum {string} */
                quarantine: "none" | "held" | "released";
                /** @enum {string} */
                rejected?: "digest_mismatch" | "size_mismatch" | "join_failed";
                /** Format: date-time */
                releasedAt?: string;
                /** @enum {string} */
                scan?: "pending" | "clean" | "threats_found" | "failed" | "unavailable";
                sha256?: string;
                size: number;
                /** @enum {string} */
                status: "uploading" | "verifying" | "stored" | "rejected";
                /** Format: date-time */
                storedAt?: string;
                untrusted: boolean;
                version: number;
            };
            parts: {
                partNumber: number;
                sha256: string;
                size: number;
            }[];
        };
        PortalMessage: {
            attachments: string[];
            author: {
                /** @constant */
                side: "you";
            } | {
                country: string;
                name: string;
                /** @constant */
                side: "agency";
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            editedAt?: string;
            handling: {
                /** @default [] */
                caveats: ("NO-PRIVATE-SECTOR" | "ORCON")[];
                /** @enum {string} */
                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            };
            id: string;
            mentionsYou: boolean;
            redacted: boolean;
            replyTo?: string;
            text: string;
            version: number;
        };
        PortalMessagePage: {
            items: components["schemas"]["PortalMessage"][];
            next?: string;
        };
        PortalRequest: {
            certificate?: {
                /** @enum {string} */
                annex: "I" | "II";
                /** @enum {string} */
                form: "EPOC" | "EPOC-PR";
                sections: {
                    fields: {
                        enum?: string;
                        id: string;
                        values: string[];
                    }[];
                    id: string;
                    letter: string;
                }[];
            };
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
            confirmation?: {
                agency: {
                    country: string;
                    name: string;
                    orgId: string;
                };
                callback?: string;
                /** Format: date-time */
                confirmedAt: string;
                /** @constant */
                mfa: true;
                /** @constant */
                officers: 2;
            };
            description: string;
            evidence: {
                registered: number;
                stored: number;
            };
            freeze?: {
                assets: {
                    amount: string;
                    asset: string;
                    target: number;
                }[];
                /** Format: date-time */
                frozenAt?: string;
                renewals: number;
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
                code: "EU-EEVIDENCE" | "US-2703F" | "BUDAPEST" | "UNCC" | "MLAT" | "NATIONAL" | "PROVISIONAL-MEASURE" | "EU-TCO" | "EU-DSA";
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
            status: "draft" | "awaiting_cosign" | "cosign_refused" | "awaiting_validation" | "validated" | "validation_refused" | "sent" | "acknowledged" | "clarification_requested" | "preserved" | "fulfilled" | "partially_fulfilled" | "cannot_comply" | "withdrawn" | "expired" | "frozen" | "released" | "lapsed";
            takedown?: {
                counts: {
                    not_found: number;
                    pending: number;
                    refused: number;
                    removed: number;
                    restricted: number;
                };
                total: number;
            };
            targets?: {
                amount?: string;
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                decision: "produce" | "do_not_produce" | "frozen" | "not_held" | "cannot_comply";
                detail?: string;
                evidence: number;
                /** @enum {string} */
                reason?: "incomplete" | "manifest_errors" | "insufficient_information" | "data_not_stored" | "person_not_identified" | "service_not_covered" | "de_facto_impossible" | "conflicting_obligations" | "other";
                reference?: string;
                target: number;
            }[];
            /** @enum {string} */
            type: "preservation" | "production" | "emergency_disclosure" | "subscriber_info" | "traffic_data" | "content" | "asset_freeze" | "takedown" | "epoc" | "epoc_pr";
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
        PostMessage: {
            /** @default [] */
            attachments: string[];
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
             * @default {
             *       "orgs": [],
             *       "people": []
             *     }
             */
            mentions: {
                /** @default [] */
                orgs: string[];
                /** @default [] */
                people: {
                    orgId: string;
                    sub: string;
                }[];
            };
            replyTo?: string;
            text: string;
        };
        Principal: {
            country: string;
            mfa?: boolean;
            orgId: string;
            /** @enum {string} */
            orgKind: "agency" | "provider" | "international";
            roles: ("officer" | "admin" | "policy_admin" | "duty_contact" | "auditor" | "responder" | "supervisor" | "validating_authority")[];
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
            selectors?: ({
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
        RefuseTransfer: {
            reason: string;
        };
        RegisterEvidence: {
            fileName: string;
            /** @description A media type such as application/pdf; either case, normalised to lower case (TEXT/CSV is stored as text/csv) */
            mediaType: string;
            sha256: string;
            size: number;
            targets?: number[];
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
        ReindexReport: {
            added: number;
            next?: string;
            records: number;
            selectors: number;
        };
        ReorderContactMethods: {
            order: string[];
        };
        Repage: {
            country: string;
            /** @enum {string} */
            scope: "level" | "team";
        };
        RequestTransfer: {
            destination: {
                country?: string;
                orgId?: string;
            };
            purpose: string;
            record: {
                id: string;
                /** @enum {string} */
                type: "task" | "request" | "incident";
            };
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
        Roster: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            layers: {
                handover: string;
                members: string[];
                name: string;
                /** @default [] */
                restrictions: {
                    from: string;
                    to: string;
                }[];
                rotation: {
                    /** @enum {string} */
                    kind: "daily" | "weekly";
                } | {
                    hours: number;
                    /** @constant */
                    kind: "custom";
                };
                start: string;
            }[];
            name: string;
            orgId: string;
            overrides: {
                /** Format: date-time */
                createdAt: string;
                createdBy: {
                    orgId: string;
                    sub: string;
                };
                /** Format: date-time */
                from: string;
                id: string;
                sub: string;
                /** Format: date-time */
                to: string;
            }[];
            timeZone: string;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: {
                orgId: string;
                sub: string;
            };
            version: number;
        };
        RosterInput: {
            layers: {
                handover: string;
                members: string[];
                name: string;
                /** @default [] */
                restrictions: {
                    from: string;
                    to: string;
                }[];
                rotation: {
                    /** @enum {string} */
                    kind: "daily" | "weekly";
                } | {
                    hours: number;
                    /** @constant */
                    kind: "custom";
                };
                start: string;
            }[];
            name: string;
            timeZone: string;
        };
        RosterList: {
            items: components["schemas"]["Roster"][];
        };
        RosterPeople: {
            items: {
                name?: string;
                sub: string;
            }[];
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
        SearchHit: {
            /** Format: date-time */
            at: string;
            excerpt: string;
            id: string;
            /** @enum {string} */
            kind: "message" | "task" | "request" | "incident";
            /** @enum {string} */
            match: "phrase" | "words";
            thread?: {
                id: string;
                /** @enum {string} */
                kind: "channel" | "task" | "incident" | "request";
            };
            title: string;
            /** @enum {string} */
            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            workspaceId: string;
        };
        SearchResult: {
            counts: {
                incident: number;
                message: number;
                request: number;
                task: number;
            };
            items: components["schemas"]["SearchHit"][];
            next?: string;
        };
        SetCosigners: {
            /** @enum {string} */
            cosigners: "any_officer" | "supervisor";
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
            } | {
                towards?: string[];
                /** @constant */
                type: "no_matching";
            } | {
                /** @enum {string} */
                tell: "agency" | "country" | "nobody";
                /** @constant */
                type: "match_notice";
            })[];
        };
        SetEvidenceOfficer: {
            orgId: string;
            sub: string;
        };
        SetUserRoles: {
            roles: ("officer" | "admin" | "policy_admin" | "duty_contact" | "auditor" | "responder" | "supervisor" | "validating_authority")[];
        };
        SetUserStatus: {
            /** @enum {string} */
            status: "active" | "disabled";
        };
        Shift: {
            from: string;
            /** @description Why: the layer (its index; a later layer wins) or the override (its id) */
            source: {
                layer: number;
            } | {
                override: string;
            };
            sub: string;
            to: string;
        };
        ShiftList: {
            items: components["schemas"]["Shift"][];
        };
        StartEvidenceUpload: {
            fileName: string;
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
            mediaType: string;
            partSize: number;
            size: number;
            untrusted?: boolean;
        };
        StixImportPreview: {
            bundleId: string;
            digest: string;
            duplicates: number;
            new: number;
            notStored: {
                [key: string]: number;
            };
            objects: number;
            records: {
                index: number;
                /** @enum {string} */
                kind: "indicator" | "observed-data" | "observable" | "note" | "report" | "other";
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
                /** @enum {string} */
                markingFrom: "object" | "default";
                name: string;
                recordId: string;
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
                skippedSelectors: {
                    from: string;
                    reason: string;
                }[];
                /** @enum {string} */
                status: "new" | "duplicate";
                stixId: string;
                stixType: string;
            }[];
            selectors: number;
        };
        StixImportResult: {
            created: number;
            digest: string;
            duplicates: number;
            selectorsIndexed: number;
            transactions: number;
        };
        TakedownBatchAnswered: {
            changed: number;
            progress: components["schemas"]["TakedownProgress"];
            unchanged: number;
        };
        TakedownCreated: {
            intake: components["schemas"]["TakedownIntake"];
            request: components["schemas"]["DataRequest"];
        };
        TakedownIntake: {
            duplicateOf: {
                at: string;
                sameAs: number;
            }[];
            duplicates: number;
            received: number;
            total: number;
        };
        TakedownItem: {
            /** Format: date-time */
            answeredAt?: string;
            changes?: number;
            /** @enum {string} */
            kind: "account" | "group" | "channel" | "page" | "url";
            n: number;
            note?: string;
            reason?: string;
            service: string;
            /** @enum {string} */
            status: "pending" | "removed" | "restricted" | "not_found" | "refused";
            value: string;
        };
        TakedownItemPage: {
            items: components["schemas"]["TakedownItem"][];
            next?: string;
        };
        TakedownProgress: {
            answered: number;
            counts: {
                not_found: number;
                pending: number;
                refused: number;
                removed: number;
                restricted: number;
            };
            duplicates: number;
            requestId: string;
            status: string;
            total: number;
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
            selectors?: ({
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
        Transfer: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt?: string;
            decidedBy?: {
                orgId: string;
                sub: string;
            };
            destination: {
                country: string;
                orgId?: string;
            };
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
            originator: {
                country: string;
                orgId: string;
            };
            policyNote: string;
            purpose: string;
            record: {
                id: string;
                /** @enum {string} */
                type: "task" | "request" | "incident";
            };
            refusalReason?: string;
            release?: {
                from: {
                    recipients?: string[];
                    releasableTo: "members" | string[];
                };
                recordVersion: number;
                to: {
                    recipients?: string[];
                    releasableTo: "members" | string[];
                };
            };
            requestedBy: {
                country: string;
                orgId: string;
                sub: string;
            };
            /** @enum {string} */
            status: "pending" | "approved" | "refused" | "withdrawn";
            /** Format: date-time */
            updatedAt: string;
            version: number;
            workspaceId: string;
        };
        TransferPage: {
            items: components["schemas"]["Transfer"][];
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
            minimumGroup?: number;
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
        UndoAcknowledgement: {
            country?: string;
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
        User: {
            createdAt: string;
            email: string;
            mfa: boolean;
            name: string;
            orgId: string;
            roles: ("officer" | "admin" | "policy_admin" | "duty_contact" | "auditor" | "responder" | "supervisor" | "validating_authority")[];
            /** @description `local`, or the name of the agency identity provider the user signs in with */
            source: string;
            /** @enum {string} */
            status: "active" | "disabled";
            sub: string;
        };
        UserPage: {
            items: components["schemas"]["User"][];
            next?: string;
        };
        ValidateOrder: {
            authority: {
                /** @enum {string} */
                kind: "judge" | "court" | "investigating_judge" | "prosecutor";
                name: string;
            };
            /** @constant */
            decision: "validate";
        } | {
            /** @constant */
            decision: "refuse";
            reason: string;
        };
        VerifyContactMethod: {
            code: string;
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
            description?: string;
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
