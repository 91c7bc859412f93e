/**
 * The API's types, generated from /openapi.json by `npm run api:types` (scripts/api-types.ts).
 * Do not edit: change the routes' zod schemas, then run `npm run api:types`.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le processus répond */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
        /** La base de données répond */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connexion par mot de passe (ouvre une session, cookie httpOnly) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Déconnexion (révoque la session courante) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La personne connectée, ses rôles et périmètres */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
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
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mes sessions ouvertes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                createdAt: string;
                                lastSeenAt: string;
                                expiresAt: string;
                                userAgent: string | null;
                                /** @enum {string} */
                                method: "password" | "oidc";
                                current: boolean;
                            }[];
                        };
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
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Révoquer une session (la sienne ; un·e admin : toute session ; celle d’un·e autre : 404) */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Demander un lien de réinitialisation (réponse identique que le compte existe ou non) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choisir un nouveau mot de passe avec le lien reçu */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Moyens de connexion proposés */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            password: true;
                            oidc: {
                                enabled: boolean;
                                label: string;
                            };
                        };
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
    "/api/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Démarrer la connexion unique OpenID Connect (redirection vers le fournisseur) */
        get: {
            parameters: {
                query?: {
                    returnTo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirection (en-tête Location) : vers le fournisseur d’identité ; vers /connexion?erreur=… s’il n’est pas configuré ou injoignable */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retour du fournisseur OpenID Connect */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    iss?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirection (en-tête Location) : vers la page demandée, session ouverte (cookie) ; vers /connexion?erreur=… en cas d’échec */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des comptes, par adresse ; `q` cherche dans le nom et l’adresse (admin) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un compte avec ses rôles et périmètres (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        displayName: string;
                        password?: string;
                        /** @description Envoyer à la personne un lien pour choisir son mot de passe */
                        invite?: boolean;
                        grants: {
                            /** @enum {string} */
                            role: "admin" | "branch_manager" | "training_org" | "evaluator" | "jury_member" | "employer" | "advisor" | "candidate";
                            /** Format: uuid */
                            branchId?: string;
                            /** Format: uuid */
                            organisationId?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Évaluateurs ou membres de jury à habiliter (nom et adresse ; 50 au plus)
         * @description Avec `role=jury_member&certificationId=` : les membres de jury habilités pour cette certification aujourd’hui (ou à la date `on`), avec leur collège et l’organisation qui les a désignés — pour le personnel des branches de la certification (404 sinon).
         */
        get: {
            parameters: {
                query: {
                    role: "evaluator" | "jury_member";
                    q?: string;
                    certificationId?: string;
                    /** @description Avec certificationId : la date (aujourd’hui par défaut) */
                    on?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                                email: string;
                            }[];
                        } | components["schemas"]["HabilitatedJuryMembers"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/users/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Remplacer les rôles et périmètres d’un compte (admin) */
        put: {
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
                    "application/json": {
                        grants: {
                            /** @enum {string} */
                            role: "admin" | "branch_manager" | "training_org" | "evaluator" | "jury_member" | "employer" | "advisor" | "candidate";
                            /** Format: uuid */
                            branchId?: string;
                            /** Format: uuid */
                            organisationId?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/users/{id}/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Désactiver (ses sessions prennent fin aussitôt) ou réactiver un compte (admin) */
        put: {
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
                    "application/json": {
                        isActive: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Envoyer (à nouveau) le lien pour choisir son mot de passe (admin) */
        post: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les branches professionnelles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Branch"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer une branche (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default [] */
                        idcc?: string[];
                        opco?: string;
                        /** @default [] */
                        cpneMembers?: {
                            /** @enum {string} */
                            college: "employers" | "employees";
                            personName: string;
                            organisationName: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/branches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une branche, ses conventions collectives et sa CPNE */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BranchDetail"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Modifier une branche et sa CPNE (admin, gestionnaire de la branche) */
        put: {
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
                    "application/json": {
                        name: string;
                        /** @default [] */
                        idcc?: string[];
                        opco?: string;
                        /** @default [] */
                        cpneMembers?: {
                            /** @enum {string} */
                            college: "employers" | "employees";
                            personName: string;
                            organisationName: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organismes de formation, employeurs, centres d’évaluation, OPCO (q : nom ou SIRET) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    kind?: "training_org" | "employer" | "assessment_centre" | "opco";
                    /** @description Une partie du nom, ou le début du SIRET */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Organisation"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Enregistrer une organisation (SIRET vérifié) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "training_org" | "employer" | "assessment_centre" | "opco";
                        name: string;
                        siret: string;
                        ndaNumber?: string;
                        qualiopiIssuedOn?: string;
                        qualiopiExpiresOn?: string;
                        idcc?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/organisations/employers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enregistrer un employeur introuvable lors d’une inscription (SIRET vérifié)
         * @description 422 quand le SIRET est mal formé ou que sa clé est fausse ; 409 quand il est déjà enregistré (cherchez-le par GET /api/v1/organisations?q=).
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
                    "application/json": {
                        name: string;
                        siret: string;
                        idcc?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Modifier une organisation (SIRET vérifié) */
        put: {
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
                    "application/json": {
                        /** @enum {string} */
                        kind: "training_org" | "employer" | "assessment_centre" | "opco";
                        name: string;
                        siret: string;
                        ndaNumber?: string;
                        qualiopiIssuedOn?: string;
                        qualiopiExpiresOn?: string;
                        idcc?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rechercher dans le catalogue public (texte, filtres, facettes)
         * @description Sans `status` : les certifications publiques (au catalogue et retirées). `status=draft` : les brouillons que la personne connectée peut voir (le personnel de leurs branches, les admins) ; `status=all` : les publiques et ces brouillons.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    kind?: "CQP" | "CQPI";
                    branch?: string;
                    level?: number;
                    recognition?: "none" | "branch_only" | "rncp" | "rs";
                    rome?: string;
                    date?: string;
                    status?: "draft" | "active" | "retired" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Créer une certification (CQP : une branche ; CQPI : au moins deux) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "CQP" | "CQPI";
                        code: string;
                        title: string;
                        branchIds: string[];
                        legalOwner: {
                            name: string;
                            siret: string;
                        };
                        /** @default [] */
                        romeCodes?: string[];
                        /** @default [] */
                        nsfCodes?: string[];
                        /** @default [] */
                        formacodeCodes?: string[];
                        /** @default  */
                        description?: string;
                        /** @default  */
                        jobsTargeted?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fiche publique : identité, reconnaissance, référentiels publiés, organismes habilités */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Certification"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Modifier l’identité d’une certification */
        put: {
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
                    "application/json": {
                        /** @enum {string} */
                        kind: "CQP" | "CQPI";
                        code: string;
                        title: string;
                        branchIds: string[];
                        legalOwner: {
                            name: string;
                            siret: string;
                        };
                        /** @default [] */
                        romeCodes?: string[];
                        /** @default [] */
                        nsfCodes?: string[];
                        /** @default [] */
                        formacodeCodes?: string[];
                        /** @default  */
                        description?: string;
                        /** @default  */
                        jobsTargeted?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mettre un brouillon au catalogue : public dès lors (il faut une version des référentiels publiée et une existence légale à ce jour) */
        post: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retirer une certification du catalogue : plus de nouvelle candidature, elle reste publique */
        post: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/recognition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reconnaissance à une date, déduite des événements */
        get: {
            parameters: {
                query?: {
                    date?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Recognition"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ajouter un événement de reconnaissance (création, transmission, inscription, retrait, remplacement) */
        post: {
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
                    "application/json": {
                        /** @enum {string} */
                        type: "created" | "transmitted" | "rncp_registered" | "rs_registered" | "withdrawn" | "replaced";
                        date: string;
                        number?: string;
                        level?: number;
                        from?: string;
                        to?: string;
                        reference?: string;
                        /** Format: uuid */
                        successorId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Supprimer un événement saisi par erreur */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certifications/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions des référentiels (brouillons visibles de la branche seulement) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FrameworkVersionSummary"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Créer un brouillon : à partir d’un contenu, ou copie d’une version (basedOn) */
        post: {
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
                    "application/json": {
                        basedOn: number;
                    } | {
                        content: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            number: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une version des référentiels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FrameworkVersion"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Modifier un brouillon (refusé pour une version publiée) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/versions/{number}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exporter une version des référentiels (JSON ou classeur xlsx) */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "xlsx";
                };
                header?: never;
                path: {
                    id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Le référentiel en pièce jointe : document JSON ou classeur xlsx */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Framework"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/versions/{number}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Remplacer le contenu d’un brouillon par un classeur xlsx (tout ou rien) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/versions/{number}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publier un brouillon : il devient immuable */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/versions-diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Différences entre deux versions, repérées par codes */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: components["schemas"]["FrameworkChange"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/habilitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Toutes les habilitations de la certification (gestion) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Habilitation"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Habiliter un organisme (former, évaluer) ou une personne (évaluateur, juré) */
        post: {
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
                    "application/json": {
                        /** @enum {string} */
                        kind: "train" | "assess" | "train_and_assess" | "evaluator" | "jury_member";
                        /** Format: uuid */
                        organisationId?: string;
                        /** Format: uuid */
                        userId?: string;
                        validFrom: string;
                        validTo: string;
                        /**
                         * @description Membre de jury : son collège (requis)
                         * @enum {string}
                         */
                        college?: "employers" | "employees";
                        /** @description Membre de jury : la fédération ou le syndicat qui l’a désigné·e (requis) */
                        designatedBy?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/habilitated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Qui est habilité pour cette certification à une date (organismes, évaluateurs, jurés) */
        get: {
            parameters: {
                query?: {
                    date?: string;
                    need?: "train" | "assess" | "train_and_assess" | "evaluator" | "jury_member";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Habilitated"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/habilitations/{habilitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Retirer une habilitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    habilitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/co-ownership-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations à co-porter un CQPI : reçues par mes branches ou envoyées par elles */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "pending" | "accepted" | "declined" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CoOwnershipInvitation"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/co-ownership-invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accepter de co-porter la certification (la branche la gère dès lors) */
        post: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/co-ownership-invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuser de co-porter la certification */
        post: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/imports/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le modèle d’inscription en nombre : classeur xlsx avec les en-têtes et une ligne d’exemple */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Le modèle, en pièce jointe */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les parcours que la personne connectée peut voir, filtrés, du plus récent au plus ancien */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused";
                    certificationId?: string;
                    trainingOrganisationId?: string;
                    employerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CandidacyPage"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Inscrire un candidat (nouveau ou déjà enregistré) : voie d’accès vérifiée à la date d’entrée
         * @description Une voie fermée à la date est refusée (422, avec ses raisons) ; une voie incomplète est acceptée, ce qui manque est conservé (« à compléter »). Un doublon possible (même nom de naissance, prénom et date de naissance, ou même adresse e-mail) est refusé (409, avec le lien vers le dossier existant) sauf candidateId ou confirmHomonym.
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
                    "application/json": components["schemas"]["EnrolmentRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused";
                            /** Format: uuid */
                            candidateId: string;
                            eligibility: components["schemas"]["CandidacyEligibility"];
                            /** @description Ce qui est accepté mais à vérifier (commune absente de la liste…) */
                            warnings: {
                                field: string;
                                detail: string;
                            }[];
                            /**
                             * @description Le compte du candidat : invité à le créer, compte existant relié, aucun (pas d’adresse ou candidat déjà enregistré), invitation impossible
                             * @enum {string}
                             */
                            account: "invited" | "existing" | "none" | "invitation_failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un parcours : candidat, certification, version du référentiel, blocs visés, voie, éligibilité, étapes */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidacy"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Faire avancer un parcours d’une étape (pause, reprise, abandon motivé, transfert)
         * @description 409 quand l’étape actuelle ne le permet pas ; 422 quand il manque la raison (abandon) ou l’organisme qui reprend le parcours (transfert).
         */
        post: {
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
                    "application/json": components["schemas"]["CandidacyTransitionInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidacy"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Un candidat : identité (NIR masqué) et ses parcours visibles par la personne connectée
         * @description Un dossier fusionné dans un autre (doublon) redirige (308) vers le dossier conservé, pour qui peut le lire.
         */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidate"];
                    };
                };
                /** @description Redirection (en-tête Location) : le dossier dans lequel ce doublon a été fusionné */
                308: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Corriger l’identité d’un candidat (noms, prénoms, sexe, naissance, e-mail, NIR)
         * @description Les champs donnés remplacent les actuels (null efface le nom d’usage ou l’e-mail) ; l’identité qui en résulte passe les contrôles de l’inscription (422 avec les erreurs par champ). Pour les gestionnaires d’une branche de la certification d’un de ses parcours, l’organisme de formation d’un de ses parcours, les administrateurs ; pas le ou la candidat·e (403). Un passage refusé par la Caisse des Dépôts redevient à déposer quand un champ qu’elle compare a changé.
         */
        patch: {
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
                    "application/json": components["schemas"]["CandidateIdentityPatchInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/candidates/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renvoyer à la personne l’invitation à créer son compte (nouveau lien, valable une semaine)
         * @description 409 sans adresse e-mail, quand le compte est déjà activé, ou quand l’adresse est celle du compte d’un autre dossier. L’e-mail part par la file des tâches.
         */
        post: {
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
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CandidateInvitation"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidates/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fusionner un dossier en double dans celui-ci (parcours, pièces, liens et compte rattachés)
         * @description 409 quand les deux dossiers ont un parcours en cours pour la même certification ; 422 pour un doublon inconnu, hors périmètre, déjà fusionné ou anonymisé. Le doublon lu ensuite redirige vers ce dossier.
         */
        post: {
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
                    "application/json": components["schemas"]["CandidateMergeBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidates/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Toutes les données détenues sur la personne (zip : candidate.json avec le NIR en clair, et les pièces) — pour elle-même ou le délégué à la protection des données (administrateur) */
        get: {
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
                /** @description Archive zip */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/positioning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le positionnement d’un parcours : par compétence de la version du référentiel, l’auto-positionnement et la décision de l’organisme, les pièces, les blocs acquis antérieurement, et l’état de chaque bloc */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Positioning"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/positioning/competencies/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Décider du positionnement sur une compétence (organisme de formation : la décision qui compte)
         * @description 409 quand le parcours n’est pas à l’étape « Positionnement ».
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PositioningDecisionRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Positioning"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/positioning/self/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * S’auto-positionner sur une compétence (le candidat, sur son propre parcours)
         * @description 409 quand le parcours n’est pas à l’étape « Positionnement ».
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PositioningDecisionRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Positioning"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/positioning/carried-blocs/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reporter un bloc acquis antérieurement : validation partielle (avec sa référence) ou équivalence (une correspondance du répertoire) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CarriedBlocRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Positioning"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Retirer le report d’un bloc (enregistré par erreur) : il se positionne alors comme les autres */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Positioning"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/candidacies/{id}/positioning/evidence/{evidenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une pièce justificative du positionnement, en pièce jointe */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description La pièce, dans son type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/png": string;
                        "image/jpeg": string;
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation": string;
                        "application/vnd.oasis.opendocument.text": string;
                        "application/vnd.oasis.opendocument.spreadsheet": string;
                        "application/vnd.oasis.opendocument.presentation": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer une pièce justificative (le fichier est effacé), à toute étape du parcours */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Positioning"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/candidacies/{id}/pathway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le parcours individualisé : les blocs visés et ce qui reste à acquérir, les modules, ce qui reste à préciser, les prises de connaissance */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pathway"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Enregistrer le parcours : la liste entière des modules, dans leur ordre
         * @description 422 nommant modules/N/champ : bloc visé et non acquis antérieurement, heures > 0, dates dans l’ordre, organisme de formation existant, tuteur… aux étapes « Positionnement » et « Parcours individualisé » (409 sinon). Une modification rend les prises de connaissance antérieures caduques.
         */
        put: {
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
                    "application/json": components["schemas"]["PathwayRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pathway"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/pathway/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Proposer le parcours à partir du positionnement : un module de formation par bloc à acquérir (heures et dates à préciser)
         * @description Un parcours modifié à la main n’est remplacé qu’avec {replace: true} (409 sinon). aux étapes « Positionnement » et « Parcours individualisé » (409 sinon).
         */
        post: {
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
                    "application/json": components["schemas"]["PathwayGenerateRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pathway"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/pathway/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prendre connaissance du parcours (le candidat pour lui-même, l’employeur du parcours), pour la révision lue
         * @description 409 quand le parcours a changé depuis la révision lue, est incomplet ou n’existe pas. aux étapes « Positionnement » et « Parcours individualisé » (409 sinon).
         */
        post: {
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
                    "application/json": components["schemas"]["PathwayAcknowledgementRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pathway"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/pathway.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le parcours individualisé en PDF (synthèse en français) */
        get: {
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
                /** @description La synthèse du parcours */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les personnes liées au candidat dans ce parcours (formateur, tuteur, employeur, autre) : elles ne peuvent pas l’évaluer */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CandidacyLinks"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Enregistrer les personnes liées au candidat dans ce parcours (remplace la liste) */
        put: {
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
                    "application/json": components["schemas"]["CandidacyLinksRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CandidacyLinks"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les évaluations programmées d’un parcours */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessments"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Programmer une évaluation : date, blocs visés (non reportés), évaluateurs habilités
         * @description 422 nommant chaque évaluateur refusé (evaluatorIds/N) : sans habilitation d’évaluateur pour la certification valable à la date, ou lié au candidat (conflit d’intérêts). 409 hors de l’étape « Évaluation ».
         */
        post: {
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
                    "application/json": components["schemas"]["AssessmentRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/juries/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clore la session : créer, en une transaction, toutes les attestations qu’elle a décidées
         * @description Seulement une session au procès-verbal signé et scellé (422 nommant minutes ou signatures sinon) ; une seconde clôture → 409. Chaque attestation reçoit un numéro unique par certification et année, sans trou ; les parcours passent à leur résultat ; les blocs d’une validation partielle sont reportés dans les parcours en cours du candidat ou de la candidate.
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryCloseAnswer"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/awards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les attestations lisibles par la personne connectée (branche de la certification, organisme de formation, le candidat ou la candidate), par certification, année et statut */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    certificationId?: string;
                    year?: number;
                    /** @description valid, revoked (retirées) ou suspended (suspendues) */
                    status?: "valid" | "revoked" | "suspended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AwardPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/awards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une attestation : blocs et fin de validité, retrait, remplaçante */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Award"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/awards/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retirer une attestation (fraude, erreur), avec sa raison ; elle reste dans l’historique
         * @description Une seule fois (409 ensuite). Par la branche de la certification.
         */
        post: {
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
                    "application/json": {
                        /** @description La raison du retrait (fraude, erreur…) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Award"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/awards/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspendre une attestation (vérification en cours…), avec sa raison ; réversible
         * @description Raison obligatoire (422). 409 sur une attestation retirée ou déjà suspendue. La liste de statut « suspension » publiée change aussitôt.
         */
        post: {
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
                    "application/json": {
                        /** @description La raison de la suspension (obligatoire) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Award"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/awards/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rétablir une attestation suspendue
         * @description 409 sur une attestation retirée ou non suspendue.
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Award"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/.well-known/did.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Le document DID (did:web) de l’émetteur : toutes ses clés, anciennes comprises
         * @description Chaque clé Ed25519 est une méthode de vérification « Multikey » ; une clé remplacée reste publiée pour que les attestations qu’elle a signées se vérifient encore.
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
                /** @description Le document DID */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/did+json": string;
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
    "/api/v1/awards/{id}/credential": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * L’attestation vérifiable (Open Badges 3.0) d’une attestation, signée, à télécharger
         * @description Le titulaire, la branche de la certification, l’organisme de formation, l’administration. Toujours les mêmes octets : signée une fois, conservée.
         */
        get: {
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
                /** @description L’attestation vérifiable (JSON-LD) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/credentials/status/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liste de statut (Bitstring Status List) signée : 1 = révocations, 2 = suspensions
         * @description Un bit par attestation, à l’index nommé dans son « credentialStatus ». Mise en cache courte (une minute).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    list: "1" | "2";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description La liste de statut */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vc+ld+json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/awards/{id}/certificate.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Le parchemin (certification complète) ou l’attestation de blocs de compétences (partielle), en PDF scellé
         * @description Pour le titulaire, le personnel des branches de la certification, l’organisme de formation du parcours et l’administration (404 sinon). Porte un QR code et le code de vérification, l’attestation numérique signée en pièce jointe (<numéro>.credential.json) et le cachet de la plateforme ; une attestation révoquée ou suspendue reste téléchargeable, marquée « RÉVOQUÉ » ou « SUSPENDU ».
         */
        get: {
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
                /** @description Le certificat scellé */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** L’agenda des évaluations : celles confiées à l’évaluateur, celles du périmètre de l’équipe (entre deux dates) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentAgenda"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une évaluation : la grille du référentiel figé du parcours et les résultats */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentSession"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Déplacer une évaluation (date, évaluateurs) tant qu’aucun résultat n’est signé
         * @description 422 sur une date passée (date) ou un évaluateur sans habilitation valable à la date ou lié au candidat (evaluatorIds/N). 409 une fois un résultat signé ou l’évaluation annulée.
         */
        patch: {
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
                    "application/json": components["schemas"]["AssessmentEditRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/assessments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Annuler une évaluation (avec la raison) tant qu’aucun résultat n’est signé */
        post: {
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
                    "application/json": components["schemas"]["AssessmentCancelRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Assessment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/assessments/{id}/results/{blocCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Enregistrer la saisie de la grille d’un bloc (brouillon, gardé d’une visite à l’autre)
         * @description Les critères envoyés remplacent leur note et leur commentaire ; les autres restent. 409 une fois le résultat signé (le corriger).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    blocCode: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssessmentResultDraftInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/assessments/{id}/results/{blocCode}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signer le résultat d’un bloc : il est alors verrouillé
         * @description 422 tant qu’un critère n’a pas de réponse.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    blocCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentResult"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/assessments/{id}/results/{blocCode}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Corriger un résultat signé : une nouvelle version, avec la raison, qui remplace l’ancienne une fois signée */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    blocCode: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssessmentCorrectionRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/evaluators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les évaluateurs habilités pour la certification à une date (identifiant et nom, pour programmer une évaluation) */
        get: {
            parameters: {
                query: {
                    on: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HabilitatedEvaluators"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/linkable-people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Les personnes que l’on peut lier au candidat dans ce parcours : évaluateurs, comptes de l’organisme de formation et de l’employeur (noms ; 20 au plus)
         * @description Pour ceux qui enregistrent les liens (404 parcours invisible, 403 en lecture seule).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Une partie du nom ou de l’adresse */
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LinkablePeople"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/branches/{id}/jury-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les versions des règles de jury de la branche, la plus récente d’abord, et celle en vigueur */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryRulesList"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Enregistrer une nouvelle version des règles de jury de la branche
         * @description Une version n’est jamais modifiée ni supprimée : un changement est une nouvelle version, en vigueur à partir de sa date (409 si une version prend déjà effet ce jour-là). Un contenu non conforme répond 422 en nommant le champ (content.quorum.minMembers…).
         */
        post: {
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
                    "application/json": components["schemas"]["JuryRulesRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryRulesCreated"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/jury-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les règles de jury d’un CQPI : versions fixées par l’une de ses branches et leurs acceptations */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CqpiJuryRulesList"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Fixer une version des règles de jury d’un CQPI (une de ses branches)
         * @description Elle s’applique une fois acceptée par chacune des autres branches du CQPI. Une version n’est jamais modifiée ni supprimée : un changement est une nouvelle version, en vigueur à partir de sa date (409 si une version prend déjà effet ce jour-là).
         */
        post: {
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
                    "application/json": components["schemas"]["JuryRulesRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryRulesCreated"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/jury-rules/{rulesId}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accepter, pour sa branche, une version des règles de jury d’un CQPI fixée par une autre
         * @description Chaque branche qui gère le CQPI, hormis celle qui a fixé la version, l’accepte (409 si déjà fait).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rulesId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryRulesAcceptance"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/bloc-equivalences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les équivalences de blocs déclarées entre cette certification et d’autres */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Les équivalences où cette certification reçoit un bloc validé ailleurs, ou en donne un à une autre */
                            items: components["schemas"]["BlocEquivalence"][];
                            can: {
                                declare: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Déclarer qu’un bloc d’une autre certification vaut un bloc de celle-ci
         * @description Par les gestionnaires des branches de cette certification. À la clôture d’un jury, un bloc validé par une validation partielle est reporté par elle dans les parcours en cours du candidat pour cette certification.
         */
        post: {
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
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description La certification dont le bloc est validé
                         */
                        fromCertificationId: string;
                        fromBlocCode: string;
                        /** @description Le bloc de cette certification-ci qu’il vaut */
                        toBlocCode: string;
                        /** @description Accord ou décision qui la fonde */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/bloc-equivalences/{equivalenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Retirer une équivalence déclarée par erreur (les blocs déjà reportés le restent) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    equivalenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/juries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les sessions de jury : celles de ses branches (personnel de branche), celles où l’on siège (membres de jury) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "planned" | "deliberating" | "minutes" | "sealed" | "closed" | "cancelled";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Convoquer une session de jury paritaire : certifications, date, lieu, membres, parcours
         * @description 422 nommant la règle de composition enfreinte (errors[].pointer #/members, le chemin de la règle dans le détail), un membre sans habilitation valable à la date pour chaque certification (members/N/userId), un parcours qui n’est pas « Prêt·e pour le jury » ou déjà inscrit à une autre session en cours (candidacyIds/N), une date passée. Le collège et l’organisation de chaque membre viennent de son habilitation ; chaque membre reçoit sa convocation par e-mail avec une invitation de calendrier (.ics).
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
                    "application/json": components["schemas"]["JuryRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryCreated"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/juries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une session de jury : membres et présence, quorum, parcours avec leurs blocs, les propositions des évaluateurs, la décision en vigueur et son historique */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jury"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/juries/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Enregistrer la présence des membres (présent, à distance, absent) ; le quorum atteint ouvre la délibération */
        put: {
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
                    "application/json": components["schemas"]["JuryAttendanceRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryAttendance"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/juries/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enregistrer la décision du jury sur un parcours, bloc par bloc (ou une correction : nouvelle décision nommant celle qu’elle remplace)
         * @description Les décisions ne sont jamais modifiées ni supprimées. 422 quand le résultat ne correspond pas aux blocs (outcome), un bloc inconnu (blocs/N/code), des votes manquants ou une majorité non atteinte (votes) ; 409 quand le quorum n’est pas atteint ou la session close.
         */
        post: {
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
                    "application/json": components["schemas"]["JuryDecisionRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryDecision"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/juries/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Générer le procès-verbal de la session à partir des décisions en vigueur
         * @description Une nouvelle version à chaque génération (ses octets ne changent jamais), avec son empreinte SHA-256. 422 nommant chaque parcours sans décision (errors[].pointer #/candidacies/{id}) ; 409 hors délibération.
         */
        post: {
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
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryMinutesCreated"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/juries/{id}/minutes.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le procès-verbal en vigueur (PDF) : scellé une fois toutes les signatures requises recueillies */
        get: {
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
                /** @description Le procès-verbal */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/juries/{id}/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signer le procès-verbal en vigueur (acte journalisé portant son empreinte SHA-256)
         * @description Le membre connecté (présidence, membres présents ou à distance) signe. 409 quand l’empreinte donnée n’est pas celle du procès-verbal en vigueur, qu’il a déjà signé ou qu’aucun procès-verbal n’attend de signature. La dernière signature requise par les règles scelle le PDF avec le cachet de la plateforme (session « Procès-verbal signé »).
         */
        post: {
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
                    "application/json": {
                        /** @description L’empreinte du procès-verbal lu : une autre que celle du procès-verbal en vigueur est refusée (409) */
                        sha256?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JuryMinutesSignature"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/cdc/certifiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les certificateurs (propriétaires légaux des certifications des branches de la personne connectée) et leurs paramètres CDC */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcCertifierList"];
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
    "/api/v1/cdc/certifiers/{siret}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un certificateur, ses certifications et ses paramètres CDC */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description SIRET du certificateur (propriétaire légal des certifications) */
                    siret: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcCertifier"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Enregistrer l’identifiant client, le numéro de contrat CDC et la version du schéma d’un certificateur */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description SIRET du certificateur (propriétaire légal des certifications) */
                    siret: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Identifiant client attribué par la Caisse des Dépôts (8 caractères) */
                        clientId: string;
                        /** @description Numéro du contrat certificateur (ex. MCFCER000999) */
                        contractId: string;
                        /** @description Nom affiché (par défaut, celui du catalogue) */
                        name?: string;
                        /**
                         * @description Version du schéma des flux : 1.1.2 (par défaut) ; 1.1.5, qui porte le NIR, plus tard
                         * @default 1.1.2
                         * @enum {string}
                         */
                        xsdVersion?: "1.1.2" | "1.1.5";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcCertifier"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/cdc/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les lots de dépôt lisibles par la personne connectée, du plus récent au plus ancien */
        get: {
            parameters: {
                query?: {
                    /** @description SIRET du certificateur (propriétaire légal des certifications) */
                    certifierId?: string;
                    branchId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcDepositList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Créer un lot de dépôt : un flux par certificateur, contrôlé contre le schéma XSD avant d’être proposé
         * @description Les attestations dues de la branche (ou celles nommées dans awardIds) : non retirées, certification au RNCP ou au RS à la date de l’attestation, pas encore déposées (ou refusées puis corrigées). Les identités qui échoueraient aux contrôles de la Caisse des Dépôts sont listées dans excluded, avec leurs motifs, et laissées hors du lot. 422 nommant certifierId quand les attestations relèvent de plusieurs certificateurs.
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
                    "application/json": {
                        /** Format: uuid */
                        branchId?: string;
                        /** @description SIRET du certificateur (propriétaire légal des certifications) */
                        certifierId?: string;
                        awardIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcDepositCreated"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/cdc/deposits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un lot de dépôt et le résultat de chaque passage */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcDeposit"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/cdc/deposits/{id}/flux.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le flux XML du lot, tel qu’il a été validé contre le schéma de la Caisse des Dépôts */
        get: {
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
                /** @description Le flux */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/cdc/branches/{id}/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les dépôts à faire (dans les trois mois), en retard et refusés des certifications d’une branche */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcDeadlines"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/eligibility/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les règles d’accès, d’éligibilité et de financement, avec leurs sources et dates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            common: {
                                rule: string;
                                title: string;
                                text: string;
                                source: string;
                                from: string;
                                to: string | null;
                                /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                                note?: string;
                                /**
                                 * @description Point discuté : la note dit ce que Qualif applique
                                 * @enum {boolean}
                                 */
                                disputed?: true;
                                /** @description Les champs de la requête que la règle lit (ex. candidate.age) */
                                inputs: string[];
                            }[];
                            routes: {
                                rule: string;
                                title: string;
                                text: string;
                                source: string;
                                from: string;
                                to: string | null;
                                /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                                note?: string;
                                /**
                                 * @description Point discuté : la note dit ce que Qualif applique
                                 * @enum {boolean}
                                 */
                                disputed?: true;
                                /** @enum {string} */
                                id: "contrat_pro" | "apprentissage" | "plan_developpement" | "reconversion" | "pro_a" | "periode_pro" | "cpf" | "cpf_transition" | "vae" | "poei" | "poec";
                                /** @description Les intitulés de la voie par période, quand elle a changé de nom */
                                titles: {
                                    title: string;
                                    from: string;
                                    to: string | null;
                                }[];
                                conditions: {
                                    rule: string;
                                    title: string;
                                    text: string;
                                    source: string;
                                    from: string;
                                    to: string | null;
                                    /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                                    note?: string;
                                    /**
                                     * @description Point discuté : la note dit ce que Qualif applique
                                     * @enum {boolean}
                                     */
                                    disputed?: true;
                                    /** @description Les champs de la requête que la règle lit (ex. candidate.age) */
                                    inputs: string[];
                                }[];
                                funders: {
                                    rule: string;
                                    title: string;
                                    text: string;
                                    source: string;
                                    from: string;
                                    to: string | null;
                                    /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                                    note?: string;
                                    /**
                                     * @description Point discuté : la note dit ce que Qualif applique
                                     * @enum {boolean}
                                     */
                                    disputed?: true;
                                    /** @description Les champs de la requête que la règle lit (ex. candidate.age) */
                                    inputs: string[];
                                    /** @enum {string} */
                                    funder: "opco" | "opca" | "transitions_pro" | "fongecif" | "faf" | "caisse_des_depots" | "france_travail" | "pole_emploi" | "employer" | "candidate";
                                }[];
                                limits: {
                                    rule: string;
                                    title: string;
                                    text: string;
                                    source: string;
                                    from: string;
                                    to: string | null;
                                    /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                                    note?: string;
                                    /**
                                     * @description Point discuté : la note dit ce que Qualif applique
                                     * @enum {boolean}
                                     */
                                    disputed?: true;
                                }[];
                            }[];
                            inputs: {
                                rule: string;
                                title: string;
                                description?: string;
                            }[];
                        };
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
    "/api/v1/registry/fiches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rechercher dans les fiches RNCP / RS importées (texte intégral, sans accents) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    registry?: "RNCP" | "RS";
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RegistryFicheSummary"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/registry/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** État du registre importé : date du dernier import réussi et nombre de fiches, par répertoire */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegistryStatus"];
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
    "/api/v1/registry/fiches/{numero}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une fiche RNCP / RS : « ce CQP est-il enregistré ? » */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    numero: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fiche: components["schemas"]["RegistryFiche"];
                            /** @description false : la fiche ne figure plus dans le dernier export complet de son répertoire */
                            present: boolean;
                            hash: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/registry/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Derniers imports (50), du plus récent au plus ancien */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RegistryImportRun"][];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Importer un export de France compétences (XML, zip XML ou zip CSV), envoyé brut dans le corps ; l’import continue en arrière-plan
         * @description Corps : le fichier lui-même, en application/octet-stream, application/zip, application/x-zip-compressed, application/xml, text/xml. En-tête facultatif x-file-name. Suivre l’avancement sur GET /api/v1/registry/imports/{id}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/registry/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un import, avec son avancement en direct (octets, fiches) et ses comptes */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegistryImportRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/registry-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fiches RNCP / RS liées à une certification */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                numero: string;
                                createdAt: string;
                                fiche: {
                                    numero: string;
                                    /** @enum {string} */
                                    registry: "RNCP" | "RS";
                                    title: string;
                                    active: boolean;
                                    level: number | null;
                                    startDate: string | null;
                                    endDate: string | null;
                                    present: boolean;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/certifications/{id}/registry-links/{numero}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Lier une certification à une fiche RNCP / RS (la compare aussitôt au registre) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    numero: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Retirer le lien (ses alertes ouvertes sont classées) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    numero: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Écarts entre le registre et le catalogue (administrateurs : toutes ; branches : les leurs) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "open" | "applied" | "dismissed";
                    certification?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RegistryAlert"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/registry/alerts/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appliquer le registre : écrit l’inscription (numéro, niveau, dates) ou le remplacement dans le catalogue, tracé */
        post: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/registry/alerts/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Classer une alerte sans rien changer au catalogue */
        post: {
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
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Journal d’audit, du plus récent au plus ancien (admin) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    /** @description Auteur·rice : identifiant du compte */
                    actorUserId?: string;
                    action?: "user.create" | "user.invite" | "user.grants_update" | "user.deactivate" | "user.reactivate" | "user.password_reset" | "user.demo_password_set" | "session.open" | "session.revoke" | "branch.create" | "branch.update" | "organisation.create" | "organisation.update" | "certification.create" | "certification.update" | "certification.activate" | "certification.retire" | "certification.recognition_event.add" | "certification.recognition_event.delete" | "certification.recognition_event.replace" | "certification.registry_link.add" | "certification.registry_link.remove" | "certification.co_ownership.accept" | "certification.co_ownership.decline" | "framework_version.create" | "framework_version.edit" | "framework_version.publish" | "habilitation.create" | "habilitation.delete" | "registry.import" | "registry.import.interrupted" | "registry.alert.apply" | "registry.alert.dismiss" | "candidate.create" | "candidate.account_link" | "candidate.invite" | "candidate.merge" | "candidate.identity_update" | "candidate.export" | "candidate.anonymise" | "candidacy.create" | "candidacy.transition" | "candidacy.transfer" | "candidacy.import" | "positioning.self" | "positioning.decide" | "positioning.carry_bloc" | "positioning.uncarry_bloc" | "positioning.evidence_add" | "positioning.evidence_delete" | "candidacy.links_update" | "assessment.schedule" | "assessment.edit" | "assessment.cancel" | "assessment.sign" | "assessment.correct" | "pathway.generate" | "pathway.update" | "pathway.acknowledge" | "jury.create" | "jury.attendance" | "jury.decision" | "jury.decision_correct" | "jury.minutes_generate" | "jury.minutes_sign" | "jury.minutes_seal" | "jury_rules.create" | "jury_rules.accept" | "jury.close" | "award.revoke" | "award.suspend" | "award.reinstate" | "credentials.rotate_key" | "bloc_equivalence.create" | "bloc_equivalence.delete" | "cdc_certifier.configure" | "cdc_deposit.create" | "cdc_deposit.report" | "cdc_deposit.erase_flux";
                    /** @description Depuis ce jour (heure de Paris), inclus */
                    from?: string;
                    /** @description Jusqu’à ce jour (heure de Paris), inclus */
                    to?: string;
                    entityType?: "user" | "session" | "branch" | "organisation" | "certification" | "framework_version" | "habilitation" | "registry_import_run" | "registry_alert" | "candidate" | "candidacy" | "jury_rules" | "award" | "issuer_key" | "jury" | "bloc_equivalence" | "cdc_certifier" | "cdc_deposit";
                    entityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                at: string;
                                actorUserId: string | null;
                                actorLabel: string;
                                action: string;
                                entityType: string;
                                entityId: string;
                                requestId: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/audit/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une entrée du journal et ce qu’elle a changé (données personnelles : « modifié » seulement) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            at: string;
                            actorUserId: string | null;
                            actorLabel: string;
                            action: string;
                            entityType: string;
                            entityId: string;
                            requestId: string | null;
                            diff: {
                                [key: string]: {
                                    before?: unknown;
                                    after?: unknown;
                                    /** @enum {boolean} */
                                    changed?: true;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vérifier la chaîne de hachage du journal d’audit (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            checked: number;
                            firstBadId?: string;
                            reason?: string;
                        };
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
    "/api/v1/dev/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Boîte d’envoi de développement (absente en production ; admins seulement) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                to: string;
                                subject: string;
                                text: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inscrire en nombre depuis un fichier xlsx ou CSV (tout ou rien ; dryRun=true : vérifier seulement)
         * @description Corps : le fichier brut (xlsx, ou CSV en UTF-8 avec ou sans BOM, séparé par « ; » ou « , »), 5 Mio et 10 000 lignes au plus. Colonnes (en-têtes, dans n’importe quel ordre) : nom_naissance, nom_usage (facultative), prenom1, prenom2 (facultative), prenom3 (facultative), sexe, date_naissance, commune_naissance_insee, pays_naissance_insee (facultative), email (facultative), telephone (facultative), certification, voie_acces, blocs (facultative), organisme_siret, employeur_siret (facultative), employeur_raison_sociale (facultative), date_entree, statut (facultative), type_contrat (facultative), beneficiaire (facultative), candidat_id (facultative). Chaque ligne passe les contrôles de l’inscription unitaire. 422 : chaque problème est un élément de errors avec row (numéro de ligne du tableur, en-tête = 1), column (l’en-tête) et le pointeur #/rows/{row}/{column} ; rien n’est inscrit.
         */
        post: {
            parameters: {
                query?: {
                    /** @description true : vérifier le fichier sans rien inscrire */
                    dryRun?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CandidacyImportResult"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CandidacyImportResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/candidacies/{id}/positioning/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ajouter une pièce justificative au positionnement (PDF, image, document bureautique), envoyée brute dans le corps
         * @description Corps : le fichier lui-même (application/pdf, image/png, image/jpeg, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/vnd.openxmlformats-officedocument.presentationml.presentation, application/vnd.oasis.opendocument.text, application/vnd.oasis.opendocument.spreadsheet, application/vnd.oasis.opendocument.presentation, application/octet-stream) ; son type est lu dans ses octets. En-tête x-file-name : son nom (encodé en pourcentage). Paramètre competencyCode : la compétence visée. 413 trop volumineux, 415 type refusé, 409 hors de l’étape « Positionnement ».
         */
        post: {
            parameters: {
                query?: {
                    competencyCode?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            competencyCode: string | null;
                            fileName: string;
                            size: number;
                            mediaType: string;
                            sha256: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/verifications/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vérifier un certificat par son code (public)
         * @description Le code imprimé sous le QR code du certificat (XXXX-XXXX-XXXX) ; casse, espaces et tirets indifférents, O lu 0, I et L lus 1. Répond la signature, l’émetteur, le statut (valide, révoqué, suspendu) et l’intégrité, avec le nom du titulaire, la certification, les blocs et la date — rien d’autre. Code inconnu : 404. 30 vérifications par minute et par adresse (429 au-delà).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Le code de vérification, ex. Q7K2-M9XD-4TPA */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Verification"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Vérifier un certificat par son document : l’attestation (JSON) ou le PDF (public)
         * @description Corps : l’attestation numérique (application/json, 256 Kio au plus) ou le certificat PDF (application/pdf, 5 Mio au plus ; 413 au-delà). Pour un PDF, l’attestation jointe est vérifiée et le cachet de la plateforme doit couvrir tout le fichier : un octet changé est signalé (« intégrité »). Un PDF sans attestation jointe : 422 nommant body. valid n’est vrai que si chaque vérification réussit et que le certificat est en vigueur. 30 vérifications par minute et par adresse (429 au-delà).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Verification"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/cdc/deposits/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Importer le rapport de traitement (accusé de traitement) de la Caisse des Dépôts
         * @description Corps : le fichier XML du rapport (application/xml). Rapproché du lot par idFlux (ou nomFichier pour un rejet du fichier entier) et des passages par idTechnique ; chaque passage OK ou KO avec le motif de la CDC ; un rejet du fichier entier met tous les passages KO avec son motif ; « déjà en base » compte comme déposé.
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CdcDeposit"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
    "/api/v1/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Simuler l’éligibilité d’une certification par voie d’accès, avec raisons et financeurs */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EligibilityRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            certification: {
                                id?: string;
                                /** @enum {string} */
                                kind: "CQP" | "CQPI";
                                recognition: components["schemas"]["Recognition"];
                                branches?: {
                                    id: string;
                                    name: string;
                                }[];
                            };
                            results: components["schemas"]["EligibilityResult"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
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
        Assessment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            candidacyId: string;
            date: string;
            blocCodes: string[];
            evaluators: {
                /** Format: uuid */
                id: string;
                name: string | null;
            }[];
            /** @description Un second évaluateur, professionnel du métier (texte libre, pas un compte) */
            secondAssessor: {
                name: string;
                /** @description Son métier */
                trade: string;
            } | null;
            scheduledBy: string | null;
            scheduledAt: string;
            /** @enum {string} */
            status: "scheduled" | "cancelled";
            cancelReason: string | null;
            /** @description Les résultats signés en vigueur, par bloc */
            results: {
                blocCode: string;
                /** @enum {string} */
                proposal: "acquired" | "not_acquired";
                signedAt: string;
            }[];
            /** @description Déplacer, annuler : tant qu’elle n’est pas annulée et qu’aucun résultat n’est signé */
            can: {
                edit: boolean;
                cancel: boolean;
            };
        };
        AssessmentAgenda: {
            items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                candidacyId: string;
                date: string;
                blocCodes: string[];
                evaluators: {
                    /** Format: uuid */
                    id: string;
                    name: string | null;
                }[];
                /** @enum {string} */
                status: "scheduled" | "cancelled";
                certification: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                    title: string;
                };
                candidate: {
                    birthName: string;
                    usageName: string | null;
                    firstNames: string[];
                };
                /** @description Blocs au résultat signé */
                signedBlocCodes: string[];
            }[];
        };
        AssessmentCancelRequestInput: {
            reason: string;
        };
        AssessmentCorrectionRequestInput: {
            reason: string;
            marks?: {
                competencyCode: string;
                criterionCode: string;
                /** @description Atteint, non atteint, ou null : pas encore noté */
                met: boolean | null;
                comment?: string | null;
            }[];
        };
        AssessmentEditRequestInput: {
            date?: string;
            evaluatorIds?: string[];
        };
        AssessmentRequestInput: {
            date: string;
            blocCodes: string[];
            evaluatorIds: string[];
            secondAssessor?: {
                name: string;
                /** @description Son métier */
                trade: string;
            };
        };
        AssessmentResult: {
            /** Format: uuid */
            id: string;
            version: number;
            /** @enum {string} */
            status: "draft" | "signed" | "superseded";
            marks: {
                competencyCode: string;
                criterionCode: string;
                met: boolean | null;
                comment: string | null;
            }[];
            competencies: {
                code: string;
                /** @enum {string} */
                result: "met" | "not_met" | "pending";
            }[];
            met: number;
            total: number;
            /** @description Critères sans réponse (compétence/critère) */
            missing: string[];
            /** @enum {string} */
            proposal: "acquired" | "not_acquired" | "pending";
            replacesId: string | null;
            correctionReason: string | null;
            updatedAt: string;
            signedBy: {
                /** Format: uuid */
                id: string;
                name: string | null;
            } | null;
            signedAt: string | null;
            supersededAt: string | null;
        };
        /** @description La grille du bloc telle que saisie (remplace le brouillon) */
        AssessmentResultDraftInput: {
            marks: {
                competencyCode: string;
                criterionCode: string;
                /** @description Atteint, non atteint, ou null : pas encore noté */
                met: boolean | null;
                comment?: string | null;
            }[];
        };
        AssessmentSession: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            candidacyId: string;
            date: string;
            blocCodes: string[];
            evaluators: {
                /** Format: uuid */
                id: string;
                name: string | null;
            }[];
            /** @enum {string} */
            status: "scheduled" | "cancelled";
            certification: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
            };
            candidate: {
                birthName: string;
                usageName: string | null;
                firstNames: string[];
            };
            frameworkVersion: number;
            secondAssessor: {
                name: string;
                trade: string;
            } | null;
            cancelled: {
                at: string;
                by: {
                    /** Format: uuid */
                    id: string;
                    name: string | null;
                } | null;
                reason: string;
            } | null;
            history: {
                /** @enum {string} */
                kind: "edit" | "cancel";
                at: string;
                by: {
                    /** Format: uuid */
                    id: string;
                    name: string | null;
                } | null;
                before: {
                    date: string;
                    evaluatorIds: string[];
                };
                after: {
                    date: string;
                    evaluatorIds: string[];
                };
                reason: string | null;
            }[];
            blocs: {
                code: string;
                title: string;
                rule: {
                    /** @enum {string} */
                    kind: "all" | "n_of_m";
                    n?: number;
                };
                ruleLabel: string;
                competencies: {
                    code: string;
                    title: string;
                    criteria: {
                        code: string;
                        text: string;
                        indicators: string[];
                    }[];
                }[];
                /** @description Le résultat signé en vigueur */
                signed: components["schemas"]["AssessmentResult"] | null;
                /** @description Le brouillon (ou la correction) en cours : pour les évaluateurs et l’équipe */
                draft: components["schemas"]["AssessmentResult"] | null;
                /** @description Les versions signées remplacées */
                superseded: components["schemas"]["AssessmentResult"][];
            }[];
            can: {
                grade: boolean;
                edit: boolean;
                cancel: boolean;
            };
        };
        Assessments: {
            /** Format: uuid */
            candidacyId: string;
            items: components["schemas"]["Assessment"][];
            can: {
                schedule: boolean;
            };
        };
        Award: {
            /** Format: uuid */
            id: string;
            /** @description Numéro unique : <code de la certification>-<année>-<6 chiffres> */
            number: string;
            certification: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
            };
            year: number;
            /** @enum {string} */
            kind: "full" | "partial";
            awardedOn: string;
            blocs: {
                code: string;
                /** @description Fin de validité du bloc (null : sans limite) */
                validUntil: string | null;
            }[];
            /** Format: uuid */
            candidacyId: string;
            /** Format: uuid */
            candidateId: string;
            /** @description Le nom du ou de la titulaire (nom de naissance, nom d’usage, prénoms) : seulement pour qui peut lire son parcours, comme la liste des candidatures */
            candidate?: {
                birthName: string;
                usageName: string | null;
                firstNames: string[];
            };
            /** Format: uuid */
            juryId: string;
            /** Format: uuid */
            decisionId: string;
            /** @description Retrait (fraude, erreur), avec sa raison ; l’attestation reste dans l’historique */
            revocation: {
                at: string;
                byId: string | null;
                reason: string;
            } | null;
            /** @description L’attestation qui la remplace après une correction */
            successorId: string | null;
            /** @description L’attestation retirée qu’elle remplace */
            predecessorId: string | null;
            /** @description Code de vérification (XXXX-XXXX-XXXX), imprimé sur le certificat, saisi sur la page publique */
            verificationCode: string;
            /**
             * @description valid ; revoked (retrait, définitif) ; suspended (suspension, réversible)
             * @enum {string}
             */
            status: "valid" | "revoked" | "suspended";
            /** @description Suspension en cours, avec sa raison */
            suspension: {
                at: string;
                byId: string | null;
                reason: string;
            } | null;
            createdAt: string;
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can: {
                revoke: boolean;
                suspend: boolean;
            };
        };
        AwardPage: {
            items: components["schemas"]["Award"][];
            total: number;
            page: number;
            pageSize: number;
        };
        BirthPlace: {
            /** @description Code commune INSEE (arrondissement à Paris, Lyon, Marseille) */
            communeInsee: string;
        } | {
            /** @description Code pays INSEE, 99xxx */
            countryInsee: string;
        };
        BirthPlaceInput: {
            /** @description Code commune INSEE (arrondissement à Paris, Lyon, Marseille) */
            communeInsee: string;
        } | {
            /** @description Code pays INSEE, 99xxx */
            countryInsee: string;
        };
        BlocEquivalence: {
            /** Format: uuid */
            id: string;
            from: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
                blocCode: string;
            };
            to: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
                blocCode: string;
            };
            note: string | null;
            createdAt: string;
        };
        Branch: {
            /** Format: uuid */
            id: string;
            name: string;
            idcc: string[];
            opco: string | null;
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can?: {
                update: boolean;
                ownCertifications: boolean;
            };
        };
        BranchDetail: {
            /** Format: uuid */
            id: string;
            name: string;
            idcc: string[];
            opco: string | null;
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can?: {
                update: boolean;
                ownCertifications: boolean;
            };
            conventions: {
                idcc: string;
                label: string;
            }[];
            cpneMembers: {
                /** @enum {string} */
                college: "employers" | "employees";
                personName: string;
                organisationName: string;
            }[];
        };
        BranchRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        Candidacy: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            candidateId: string;
            candidate: {
                birthName: string;
                usageName: string | null;
                firstNames: string[];
            };
            /** Format: uuid */
            certificationId: string;
            certification: {
                code: string;
                title: string;
            };
            frameworkVersion: number;
            wholeCertification: boolean;
            /** @description Les blocs visés (tous ceux de la version pour la certification entière) */
            blocCodes: string[];
            /** @enum {string} */
            route: "contrat_pro" | "apprentissage" | "plan_developpement" | "reconversion" | "pro_a" | "periode_pro" | "cpf" | "cpf_transition" | "vae" | "poei" | "poec" | "self_funded";
            /** @enum {string} */
            status: "enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused";
            heldFrom: ("enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused") | null;
            /** @enum {string} */
            eligibilityStatus: "open" | "incomplete";
            /** Format: uuid */
            trainingOrganisationId: string;
            trainingOrganisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            employerId: string | null;
            employer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            funders: ("opco" | "opca" | "transitions_pro" | "fongecif" | "faf" | "caisse_des_depots" | "france_travail" | "pole_emploi" | "employer" | "candidate")[];
            enrolledOn: string;
            /** @enum {string} */
            initiative: "candidate" | "employer" | "training_organisation" | "cpne" | "france_travail" | "other";
            transferredFromId: string | null;
            transferredToId: string | null;
            situation: components["schemas"]["CandidacySituation"] | null;
            eligibility: components["schemas"]["CandidacyEligibility"];
            history: {
                /** @enum {string} */
                event: "start_positioning" | "start_pathway" | "start_assessment" | "mark_ready_for_jury" | "put_on_hold" | "resume" | "withdraw" | "transfer" | "award" | "award_partially" | "refuse" | "reopen_for_jury" | "enrol";
                fromStatus: ("enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused") | null;
                /** @enum {string} */
                toStatus: "enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused";
                reason: string | null;
                at: string;
                actorId: string | null;
                actorName: string | null;
                details: {
                    [key: string]: unknown;
                } | null;
            }[];
            jury: components["schemas"]["CandidacyJuryOutcome"] | null;
            /** @description Les changements d’étape possibles maintenant pour la personne connectée */
            events: ("start_positioning" | "start_pathway" | "start_assessment" | "mark_ready_for_jury" | "put_on_hold" | "resume" | "withdraw" | "transfer")[];
            can: {
                transition: boolean;
            };
        };
        /** @description Le nombre de parcours à chaque étape, sur les mêmes filtres sauf l’étape (status) */
        CandidacyCounts: {
            [key: string]: number;
        };
        CandidacyEligibility: {
            /** @description La date d’entrée, date à laquelle la voie a été vérifiée */
            checkedOn: string;
            /** @enum {string} */
            route: "contrat_pro" | "apprentissage" | "plan_developpement" | "reconversion" | "pro_a" | "periode_pro" | "cpf" | "cpf_transition" | "vae" | "poei" | "poec" | "self_funded";
            /**
             * @description open : la voie est ouverte ; incomplete : une information manque (missing : « à compléter »)
             * @enum {string}
             */
            status: "open" | "incomplete";
            missing: {
                field: string;
                label: string;
            }[];
            recognition: components["schemas"]["Recognition"];
            /** @description La réponse du service d’éligibilité pour la voie (null : financement personnel) */
            result: components["schemas"]["EligibilityResult"] | null;
        };
        CandidacyImportResult: {
            dryRun: boolean;
            /** @description Les parcours créés (à blanc : ceux que le fichier créerait) */
            created: number;
            /** @description Leurs identifiants (vide à blanc) */
            candidacies: string[];
            /** @description Ce qui est accepté mais à vérifier (commune absente de la liste…) */
            warnings: {
                row: number;
                column: string;
                detail: string;
            }[];
        };
        /** @description La décision en vigueur de la dernière session de jury : pour le ou la candidat·e une fois le procès-verbal scellé, pour la branche et l’organisme de formation dès qu’elle est enregistrée */
        CandidacyJuryOutcome: {
            /** Format: uuid */
            juryId: string;
            date: string;
            /** @enum {string} */
            outcome: "full" | "partial" | "refused" | "absent" | "deferred";
            blocs: {
                code: string;
                validated: boolean | null;
                carried: boolean;
            }[];
            reasons: string | null;
            recommendations: string | null;
            award: {
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                kind: "full" | "partial";
                revoked: boolean;
            } | null;
        };
        CandidacyLinks: {
            /** Format: uuid */
            candidacyId: string;
            links: {
                /** @enum {string} */
                kind: "trainer" | "tutor" | "employer" | "other";
                /** Format: uuid */
                userId: string;
                name: string | null;
                recordedBy: string | null;
                recordedAt: string;
            }[];
            can: {
                edit: boolean;
            };
        };
        /** @description Toutes les personnes liées au candidat dans ce parcours (remplace la liste) */
        CandidacyLinksRequestInput: {
            links: {
                /** @enum {string} */
                kind: "trainer" | "tutor" | "employer" | "other";
                /**
                 * Format: uuid
                 * @description Le compte de la personne liée au candidat
                 */
                userId: string;
            }[];
        };
        CandidacyPage: {
            items: components["schemas"]["CandidacySummary"][];
            total: number;
            page: number;
            pageSize: number;
            counts: components["schemas"]["CandidacyCounts"];
        };
        CandidacySituation: {
            /** @enum {string} */
            status: "employee" | "jobseeker" | "self_employed" | "student";
            benefits?: ("RSA" | "ASS" | "AAH")[];
            experienceMonths?: number;
            highestLevel?: number;
            employer?: {
                idcc?: string;
                headcount?: number;
                /** @description Entreprise artisanale de moins de 11 salariés (CIF : 36 mois d’ancienneté) */
                craft?: boolean;
            };
            onProAList?: boolean;
            /**
             * @description Contrat du salarié : cdi, cdd, cdd_iae (CDD d’insertion), cui (CUI à durée déterminée), cui_cdi (CUI à durée indéterminée), sports_cdd (sportif ou entraîneur professionnel en CDD), temporary (intérim), other
             * @enum {string}
             */
            contractType?: "cdi" | "cdd" | "cdd_iae" | "cui" | "cui_cdi" | "sports_cdd" | "temporary" | "other";
            /** @description En activité partielle (Pro-A) */
            shortTimeWork?: boolean;
            /** @description A bénéficié d’un contrat unique d’insertion (contrat de professionnalisation) */
            formerCui?: boolean;
            seniority?: {
                /** @description Mois d’activité salariée, au total */
                monthsEmployee: number;
                /** @description Mois dans l’entreprise actuelle */
                monthsInFirm: number;
                /** @description Mois en CDD au cours des 12 derniers mois (salarié en CDD) */
                monthsCddLast12?: number;
                /** @description Mois d’activité salariée au cours des 5 dernières années (salarié en CDD) */
                monthsEmployeeLast5Years?: number;
            };
            /** @description Handicap reconnu, bénéficiaire de l’obligation d’emploi (dispense d’ancienneté) */
            disabilityRecognised?: boolean;
            /** @description Listes CPF de 2015-2018 sur lesquelles figurait la formation : cpne (liste de la CPNE de la branche du candidat), copanef, coparef */
            cpfLists?: ("cpne" | "copanef" | "coparef")[];
        };
        CandidacySituationInput: {
            /** @enum {string} */
            status: "employee" | "jobseeker" | "self_employed" | "student";
            benefits?: ("RSA" | "ASS" | "AAH")[];
            experienceMonths?: number;
            highestLevel?: number;
            employer?: {
                idcc?: string;
                headcount?: number;
                /** @description Entreprise artisanale de moins de 11 salariés (CIF : 36 mois d’ancienneté) */
                craft?: boolean;
            };
            onProAList?: boolean;
            /**
             * @description Contrat du salarié : cdi, cdd, cdd_iae (CDD d’insertion), cui (CUI à durée déterminée), cui_cdi (CUI à durée indéterminée), sports_cdd (sportif ou entraîneur professionnel en CDD), temporary (intérim), other
             * @enum {string}
             */
            contractType?: "cdi" | "cdd" | "cdd_iae" | "cui" | "cui_cdi" | "sports_cdd" | "temporary" | "other";
            /** @description En activité partielle (Pro-A) */
            shortTimeWork?: boolean;
            /** @description A bénéficié d’un contrat unique d’insertion (contrat de professionnalisation) */
            formerCui?: boolean;
            seniority?: {
                /** @description Mois d’activité salariée, au total */
                monthsEmployee: number;
                /** @description Mois dans l’entreprise actuelle */
                monthsInFirm: number;
                /** @description Mois en CDD au cours des 12 derniers mois (salarié en CDD) */
                monthsCddLast12?: number;
                /** @description Mois d’activité salariée au cours des 5 dernières années (salarié en CDD) */
                monthsEmployeeLast5Years?: number;
            };
            /** @description Handicap reconnu, bénéficiaire de l’obligation d’emploi (dispense d’ancienneté) */
            disabilityRecognised?: boolean;
            /** @description Listes CPF de 2015-2018 sur lesquelles figurait la formation : cpne (liste de la CPNE de la branche du candidat), copanef, coparef */
            cpfLists?: ("cpne" | "copanef" | "coparef")[];
        };
        CandidacySummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            candidateId: string;
            candidate: {
                birthName: string;
                usageName: string | null;
                firstNames: string[];
            };
            /** Format: uuid */
            certificationId: string;
            certification: {
                code: string;
                title: string;
            };
            frameworkVersion: number;
            wholeCertification: boolean;
            /** @description Les blocs visés (tous ceux de la version pour la certification entière) */
            blocCodes: string[];
            /** @enum {string} */
            route: "contrat_pro" | "apprentissage" | "plan_developpement" | "reconversion" | "pro_a" | "periode_pro" | "cpf" | "cpf_transition" | "vae" | "poei" | "poec" | "self_funded";
            /** @enum {string} */
            status: "enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused";
            heldFrom: ("enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused") | null;
            /** @enum {string} */
            eligibilityStatus: "open" | "incomplete";
            /** Format: uuid */
            trainingOrganisationId: string;
            trainingOrganisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            employerId: string | null;
            employer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            funders: ("opco" | "opca" | "transitions_pro" | "fongecif" | "faf" | "caisse_des_depots" | "france_travail" | "pole_emploi" | "employer" | "candidate")[];
            enrolledOn: string;
            /** @enum {string} */
            initiative: "candidate" | "employer" | "training_organisation" | "cpne" | "france_travail" | "other";
            transferredFromId: string | null;
            transferredToId: string | null;
        };
        CandidacyTransitionInput: {
            /** @enum {string} */
            event: "start_positioning" | "start_pathway" | "start_assessment" | "mark_ready_for_jury" | "put_on_hold" | "resume" | "withdraw" | "transfer";
            /** @description Obligatoire pour un abandon */
            reason?: string;
            /**
             * Format: uuid
             * @description Transfert : l’organisme qui reprend le parcours
             */
            trainingOrganisationId?: string;
        };
        Candidate: {
            /** Format: uuid */
            id: string;
            birthName: string;
            usageName: string | null;
            firstNames: string[];
            /** @enum {string} */
            sex: "F" | "M";
            birthDate: components["schemas"]["PartialBirthDate"];
            birthPlace: components["schemas"]["BirthPlace"];
            email: string | null;
            phone: string | null;
            address: components["schemas"]["PostalAddress"] | null;
            /** @description Masqué : premier caractère et clé */
            nir: string | null;
            warnings: {
                field: string;
                detail: string;
            }[];
            hasAccount: boolean;
            /** @description Identité effacée à la fin de la durée de conservation (docs/personal-data.md) */
            anonymisedAt: string | null;
            /** @description Ses parcours que la personne connectée peut lire */
            candidacies: components["schemas"]["CandidacySummary"][];
            /** @description Ce que la personne connectée peut faire : inscrire, renvoyer l’invitation, fusionner un doublon, corriger l’identité (PATCH), exporter les données */
            can: {
                enrol: boolean;
                invite: boolean;
                merge: boolean;
                updateIdentity: boolean;
                export: boolean;
            };
        };
        CandidateIdentityPatchInput: {
            birthName?: string;
            /** @description null : l’effacer */
            usageName?: string | null;
            firstNames?: string[];
            /** @enum {string} */
            sex?: "F" | "M";
            birthDate?: components["schemas"]["PartialBirthDateInput"];
            birthPlace?: components["schemas"]["BirthPlaceInput"];
            /** @description null : l’effacer */
            email?: string | null;
            /** @description Numéro de sécurité sociale (15 caractères, clé comprise) */
            nir?: string;
        };
        CandidateInvitation: {
            /** Format: uuid */
            candidateId: string;
            /**
             * @description `invited` : compte créé et invitation envoyée ; `existing` : compte déjà ouvert (sans mot de passe), nouveau lien envoyé
             * @enum {string}
             */
            account: "invited" | "existing";
        };
        CandidateMergeBodyInput: {
            /**
             * Format: uuid
             * @description Le dossier en double, fusionné dans celui-ci
             */
            duplicateId: string;
        };
        CarriedBlocRequestInput: {
            /** @constant */
            source: "earlier_partial_award";
            /** @description La référence de la validation partielle antérieure (attestation, jury…) */
            reference: string;
        } | {
            /** @constant */
            source: "equivalence";
            correspondence: components["schemas"]["RegistryCorrespondenceInput"];
        };
        CdcCertifier: {
            /** @description SIRET du certificateur (propriétaire légal des certifications) */
            certifierId: string;
            name: string;
            certifications: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
            }[];
            /** @description Ce que la Caisse des Dépôts a attribué (null : pas encore renseigné) */
            settings: {
                clientId: string;
                contractId: string;
                /** @enum {string} */
                xsdVersion: "1.1.2" | "1.1.5";
                updatedAt: string;
            } | null;
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can: {
                deposit: boolean;
                configure: boolean;
            };
        };
        CdcCertifierList: {
            items: components["schemas"]["CdcCertifier"][];
        };
        CdcDeadlines: {
            /** Format: uuid */
            branchId: string;
            today: string;
            due: {
                /** Format: uuid */
                awardId: string;
                awardNumber: string;
                awardedOn: string;
                /** @description Date limite de dépôt : trois mois après l’attestation */
                deadline: string;
                /** @enum {string} */
                state: "due" | "late" | "rejected";
                certification: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                    title: string;
                };
                /** @description SIRET du certificateur (propriétaire légal des certifications) */
                certifierId: string;
                /** Format: uuid */
                candidacyId: string;
                /** @description Nom de naissance et premier prénom du ou de la titulaire */
                holderName: string;
                lastPassage: {
                    idTechnique: string;
                    /** Format: uuid */
                    depositId: string;
                    message: string | null;
                } | null;
            }[];
            late: {
                /** Format: uuid */
                awardId: string;
                awardNumber: string;
                awardedOn: string;
                /** @description Date limite de dépôt : trois mois après l’attestation */
                deadline: string;
                /** @enum {string} */
                state: "due" | "late" | "rejected";
                certification: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                    title: string;
                };
                /** @description SIRET du certificateur (propriétaire légal des certifications) */
                certifierId: string;
                /** Format: uuid */
                candidacyId: string;
                /** @description Nom de naissance et premier prénom du ou de la titulaire */
                holderName: string;
                lastPassage: {
                    idTechnique: string;
                    /** Format: uuid */
                    depositId: string;
                    message: string | null;
                } | null;
            }[];
            rejected: {
                /** Format: uuid */
                awardId: string;
                awardNumber: string;
                awardedOn: string;
                /** @description Date limite de dépôt : trois mois après l’attestation */
                deadline: string;
                /** @enum {string} */
                state: "due" | "late" | "rejected";
                certification: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                    title: string;
                };
                /** @description SIRET du certificateur (propriétaire légal des certifications) */
                certifierId: string;
                /** Format: uuid */
                candidacyId: string;
                /** @description Nom de naissance et premier prénom du ou de la titulaire */
                holderName: string;
                lastPassage: {
                    idTechnique: string;
                    /** Format: uuid */
                    depositId: string;
                    message: string | null;
                } | null;
            }[];
        };
        CdcDeposit: {
            /** Format: uuid */
            id: string;
            /** @description SIRET du certificateur (propriétaire légal des certifications) */
            certifierId: string;
            certifierName: string;
            branchId: string | null;
            idFlux: string;
            fileName: string;
            xsdVersion: string;
            createdAt: string;
            report: {
                importedAt: string;
                idTraitement: string | null;
                fileError: string | null;
            } | null;
            counts: {
                passages: number;
                pending: number;
                ok: number;
                ko: number;
                already: number;
            };
            passages: {
                idTechnique: string;
                /** Format: uuid */
                awardId: string;
                awardNumber: string;
                /** Format: uuid */
                candidacyId: string;
                attempt: number;
                /**
                 * @description pending : rapport non importé ; ok ; ko (motif de la CDC) ; already : « déjà en base », compté déposé
                 * @enum {string}
                 */
                result: "pending" | "ok" | "ko" | "already";
                message: string | null;
                reportedAt: string | null;
            }[];
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can: {
                deposit: boolean;
                configure: boolean;
            };
        };
        CdcDepositCreated: {
            /** Format: uuid */
            id: string;
            /** @description Nombre de passages du flux */
            passages: number;
            excluded: {
                /** Format: uuid */
                awardId: string;
                /** @description Pourquoi l’attestation reste hors du lot (en français) */
                reasons: string[];
            }[];
        };
        CdcDepositList: {
            items: components["schemas"]["CdcDepositSummary"][];
        };
        CdcDepositSummary: {
            /** Format: uuid */
            id: string;
            /** @description SIRET du certificateur (propriétaire légal des certifications) */
            certifierId: string;
            certifierName: string;
            branchId: string | null;
            idFlux: string;
            fileName: string;
            xsdVersion: string;
            createdAt: string;
            report: {
                importedAt: string;
                idTraitement: string | null;
                fileError: string | null;
            } | null;
            counts: {
                passages: number;
                pending: number;
                ok: number;
                ko: number;
                already: number;
            };
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can: {
                deposit: boolean;
                configure: boolean;
            };
        };
        /** @description Fiche publique d’une certification */
        Certification: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "CQP" | "CQPI";
            code: string;
            title: string;
            description: string;
            jobsTargeted: string;
            branches: components["schemas"]["BranchRef"][];
            legalOwner: {
                name: string;
                siret: string;
            };
            romeCodes: string[];
            nsfCodes: string[];
            formacodeCodes: string[];
            status: components["schemas"]["CertificationStatus"];
            /** @description Pour un brouillon, à qui peut l’activer : ce qui manque encore aujourd’hui (vide : activable) */
            activation?: {
                missing: {
                    /** @enum {string} */
                    requirement: "published_framework" | "legal_existence";
                    detail: string;
                }[];
            };
            recognition: components["schemas"]["Recognition"];
            timeline: components["schemas"]["RecognitionPeriod"][];
            events: components["schemas"]["RecognitionEvent"][];
            framework: {
                number: number;
                /** @description Instant ISO 8601 (UTC) */
                publishedAt: string;
                content: components["schemas"]["Framework"];
            } | null;
            trainingOrganisations: components["schemas"]["TrainingOrganisation"][];
            invitedBranches?: components["schemas"]["BranchRef"][];
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can?: {
                update: boolean;
                activate: boolean;
                retire: boolean;
                manageEvents: boolean;
                manageFramework: boolean;
                readDrafts: boolean;
                manageHabilitations: boolean;
                readHabilitations: boolean;
                linkRegistry: boolean;
                readRegistryAlerts: boolean;
            };
        };
        /**
         * @description Cycle de vie : brouillon (visible de ses branches seulement), au catalogue (public), retirée du catalogue (publique, plus de nouvelle candidature)
         * @enum {string}
         */
        CertificationStatus: "draft" | "active" | "retired";
        CoOwnershipInvitation: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "pending" | "accepted" | "declined" | "withdrawn";
            invitedAt: string;
            answeredAt: string | null;
            certification: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
                /** @enum {string} */
                kind: "CQP" | "CQPI";
            };
            branch: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            can: {
                answer: boolean;
            };
        };
        CqpiJuryRulesList: {
            items: components["schemas"]["CqpiJuryRulesVersion"][];
            /** @description La version acceptée en vigueur aujourd’hui */
            inForce: string | null;
        };
        CqpiJuryRulesVersion: {
            /** Format: uuid */
            id: string;
            effectiveFrom: string;
            content: components["schemas"]["JuryRules"];
            note: string | null;
            createdAt: string;
            /** @description Le nom de son auteur */
            createdBy: string | null;
            /** Format: uuid */
            branchId: string;
            branchName: string;
            acceptances: {
                /** Format: uuid */
                branchId: string;
                branchName: string;
                acceptedAt: string | null;
            }[];
            /** @description Acceptée par toutes les autres branches */
            accepted: boolean;
        };
        EligibilityRequestInput: {
            date: string;
            /** @enum {string} */
            route?: "contrat_pro" | "apprentissage" | "plan_developpement" | "reconversion" | "pro_a" | "periode_pro" | "cpf" | "cpf_transition" | "vae" | "poei" | "poec";
            /** Format: uuid */
            certificationId?: string;
            certification?: {
                /** @enum {string} */
                kind: "CQP" | "CQPI";
                events: {
                    /** @enum {string} */
                    type: "created" | "transmitted" | "rncp_registered" | "rs_registered" | "withdrawn" | "replaced";
                    date: string;
                    number?: string;
                    level?: number;
                    from?: string;
                    to?: string;
                }[];
            };
            candidate: {
                /** @enum {string} */
                status: "employee" | "jobseeker" | "self_employed" | "student";
                age?: number;
                benefits?: ("RSA" | "ASS" | "AAH")[];
                experienceMonths?: number;
                highestLevel?: number;
                employer?: {
                    idcc?: string;
                    headcount?: number;
                    /** @description Entreprise artisanale de moins de 11 salariés (CIF : 36 mois d’ancienneté) */
                    craft?: boolean;
                };
                onProAList?: boolean;
                /**
                 * @description Contrat du salarié : cdi, cdd, cdd_iae (CDD d’insertion), cui (CUI à durée déterminée), cui_cdi (CUI à durée indéterminée), sports_cdd (sportif ou entraîneur professionnel en CDD), temporary (intérim), other
                 * @enum {string}
                 */
                contractType?: "cdi" | "cdd" | "cdd_iae" | "cui" | "cui_cdi" | "sports_cdd" | "temporary" | "other";
                /** @description En activité partielle (Pro-A) */
                shortTimeWork?: boolean;
                /** @description A bénéficié d’un contrat unique d’insertion (contrat de professionnalisation) */
                formerCui?: boolean;
                seniority?: {
                    /** @description Mois d’activité salariée, au total */
                    monthsEmployee: number;
                    /** @description Mois dans l’entreprise actuelle */
                    monthsInFirm: number;
                    /** @description Mois en CDD au cours des 12 derniers mois (salarié en CDD) */
                    monthsCddLast12?: number;
                    /** @description Mois d’activité salariée au cours des 5 dernières années (salarié en CDD) */
                    monthsEmployeeLast5Years?: number;
                };
                /** @description Handicap reconnu, bénéficiaire de l’obligation d’emploi (dispense d’ancienneté) */
                disabilityRecognised?: boolean;
                /** @description Listes CPF de 2015-2018 sur lesquelles figurait la formation : cpne (liste de la CPNE de la branche du candidat), copanef, coparef */
                cpfLists?: ("cpne" | "copanef" | "coparef")[];
            };
        };
        EligibilityResult: {
            /** @enum {string} */
            route: "contrat_pro" | "apprentissage" | "plan_developpement" | "reconversion" | "pro_a" | "periode_pro" | "cpf" | "cpf_transition" | "vae" | "poei" | "poec";
            /** @description L’intitulé de la voie à la date (« Congé individuel de formation » avant 2019) */
            title: string;
            eligible: boolean;
            /**
             * @description open : toutes les conditions en vigueur sont remplies ; closed : une ne l’est pas ; incomplete : aucune n’échoue, mais une information manque (missing)
             * @enum {string}
             */
            status: "open" | "closed" | "incomplete";
            /**
             * @description Une règle en vigueur à la date (condition, financeur ou plafond) est discutée : voir sa note
             * @constant
             */
            disputed?: true;
            reasons: {
                rule: string;
                title: string;
                text: string;
                source: string;
                from: string;
                to: string | null;
                /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                note?: string;
                /**
                 * @description Point discuté : la note dit ce que Qualif applique
                 * @constant
                 */
                disputed?: true;
                satisfied: boolean | null;
            }[];
            funders: {
                rule: string;
                title: string;
                text: string;
                source: string;
                from: string;
                to: string | null;
                /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                note?: string;
                /**
                 * @description Point discuté : la note dit ce que Qualif applique
                 * @constant
                 */
                disputed?: true;
                /** @enum {string} */
                funder: "opco" | "opca" | "transitions_pro" | "fongecif" | "faf" | "caisse_des_depots" | "france_travail" | "pole_emploi" | "employer" | "candidate";
                certain: boolean;
                body?: string;
            }[];
            limits: {
                rule: string;
                title: string;
                text: string;
                source: string;
                from: string;
                to: string | null;
                /** @description Ce que Qualif retient, pour un point discuté ou à vérifier */
                note?: string;
                /**
                 * @description Point discuté : la note dit ce que Qualif applique
                 * @constant
                 */
                disputed?: true;
            }[];
            missing: {
                field: string;
                label: string;
            }[];
        };
        EnrolmentRequestInput: {
            candidate?: components["schemas"]["NewCandidateInput"];
            /**
             * Format: uuid
             * @description Un candidat déjà enregistré
             */
            candidateId?: string;
            /** @description Une personne différente des doublons possibles signalés (homonyme) */
            confirmHomonym?: boolean;
            /** Format: uuid */
            certificationId: string;
            /** @enum {string} */
            route: "contrat_pro" | "apprentissage" | "plan_developpement" | "reconversion" | "pro_a" | "periode_pro" | "cpf" | "cpf_transition" | "vae" | "poei" | "poec" | "self_funded";
            situation?: components["schemas"]["CandidacySituationInput"];
            /** @description Les blocs visés ; absent ou vide : la certification entière */
            blocCodes?: string[];
            /** Format: uuid */
            trainingOrganisationId: string;
            /** Format: uuid */
            employerId?: string;
            funders?: ("opco" | "opca" | "transitions_pro" | "fongecif" | "faf" | "caisse_des_depots" | "france_travail" | "pole_emploi" | "employer" | "candidate")[];
            enrolledOn: string;
            /** @enum {string} */
            initiative: "candidate" | "employer" | "training_organisation" | "cpne" | "france_travail" | "other";
        };
        /** @description Les trois référentiels (activités, compétences, évaluation) en un document */
        Framework: {
            activities: {
                /** @default [] */
                jobs: {
                    title: string;
                    romeCode?: string;
                }[];
                activities: {
                    code: string;
                    title: string;
                    /** @default [] */
                    workSituations: string[];
                }[];
            };
            competencies: {
                blocs: {
                    code: string;
                    title: string;
                    competencies: {
                        code: string;
                        title: string;
                        /** @default false */
                        transversal: boolean;
                        /** @default [] */
                        knowledge: string[];
                    }[];
                }[];
            };
            assessment: {
                competencies: {
                    competencyCode: string;
                    methods: ("mise_en_situation" | "observation_en_situation_de_travail" | "entretien" | "dossier" | "qcm" | "etude_de_cas")[];
                    criteria: {
                        code: string;
                        text: string;
                        /** @default [] */
                        indicators: string[];
                    }[];
                }[];
                blocRules: {
                    blocCode: string;
                    rule: {
                        /** @constant */
                        kind: "all";
                    } | {
                        /** @constant */
                        kind: "n_of_m";
                        n: number;
                    };
                }[];
            };
        };
        FrameworkChange: {
            /** @enum {string} */
            kind: "added" | "removed" | "changed";
            /** @description Emplacement lisible, par codes : bloc BC01 › compétence C1.2 */
            where: string;
            before?: unknown;
            after?: unknown;
        };
        FrameworkVersion: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            status: "draft" | "published";
            basedOnId: string | null;
            /** @description Instant ISO 8601 (UTC) */
            createdAt: string;
            /** @description Instant ISO 8601 (UTC) */
            updatedAt: string;
            publishedAt: string | null;
            /** Format: uuid */
            certificationId: string;
            content: components["schemas"]["Framework"];
        };
        FrameworkVersionSummary: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            status: "draft" | "published";
            basedOnId: string | null;
            /** @description Instant ISO 8601 (UTC) */
            createdAt: string;
            /** @description Instant ISO 8601 (UTC) */
            updatedAt: string;
            publishedAt: string | null;
        };
        Grant: {
            /** @enum {string} */
            role: "admin" | "branch_manager" | "training_org" | "evaluator" | "jury_member" | "employer" | "advisor" | "candidate";
            scope: {
                /** @enum {string} */
                type: "global" | "branch" | "organisation" | "self";
                id?: string;
                label?: string;
            };
        };
        Habilitated: {
            organisations: {
                /** Format: uuid */
                habilitationId: string;
                /** @enum {string} */
                kind: "train" | "assess" | "train_and_assess";
                /** @description Date AAAA-MM-JJ */
                validFrom: string;
                /** @description Date AAAA-MM-JJ */
                validTo: string;
                /** Format: uuid */
                id: string;
                name: string;
                siret: string | null;
                qualiopiExpiresOn: string | null;
            }[];
            /** @description Personnes habilitées (noms) : pour le personnel des branches de la certification seulement ; absent quand il n’y en a pas ou qu’on ne peut pas les voir */
            persons?: {
                /** Format: uuid */
                habilitationId: string;
                /** @enum {string} */
                kind: "evaluator" | "jury_member";
                /** @description Date AAAA-MM-JJ */
                validFrom: string;
                /** @description Date AAAA-MM-JJ */
                validTo: string;
                /** Format: uuid */
                userId: string;
                name: string;
                college: ("employers" | "employees") | null;
                designatedBy: string | null;
            }[];
        };
        HabilitatedEvaluators: {
            on: string;
            items: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
        };
        HabilitatedJuryMember: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string;
            /** @enum {string} */
            college: "employers" | "employees";
            /** @description La fédération ou le syndicat qui l’a désigné·e (habilitation) */
            organisation: string | null;
        };
        HabilitatedJuryMembers: {
            items: components["schemas"]["HabilitatedJuryMember"][];
        };
        Habilitation: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "train" | "assess" | "train_and_assess" | "evaluator" | "jury_member";
            /** @description Date AAAA-MM-JJ */
            validFrom: string;
            /** @description Date AAAA-MM-JJ */
            validTo: string;
            organisationId: string | null;
            organisationName: string | null;
            userId: string | null;
            personName: string | null;
            /** @description Membre de jury : son collège */
            college: ("employers" | "employees") | null;
            /** @description Membre de jury : la fédération ou le syndicat qui l’a désigné·e */
            designatedBy: string | null;
        };
        Jury: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "planned" | "deliberating" | "minutes" | "sealed" | "closed" | "cancelled";
            date: string;
            startsAt: string | null;
            place: string | null;
            remote: boolean;
            conveningBranch: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            certifications: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
            }[];
            rules: {
                /** Format: uuid */
                id: string;
                effectiveFrom: string;
                content: components["schemas"]["JuryRules"];
            };
            members: {
                /** Format: uuid */
                userId: string;
                name: string | null;
                /** @enum {string} */
                role: "president" | "member";
                /** @enum {string} */
                college: "employers" | "employees";
                /** @description La fédération ou le syndicat qui l’a désigné·e */
                organisation: string | null;
                presence: ("present" | "remote" | "absent") | null;
                convenedAt: string | null;
            }[];
            attendance: {
                quorum: components["schemas"]["JuryQuorum"];
            };
            candidacies: {
                /** Format: uuid */
                id: string;
                candidate: {
                    birthName: string;
                    usageName: string | null;
                    firstNames: string[];
                };
                /** Format: uuid */
                certificationId: string;
                frameworkVersion: number;
                status: string;
                /** @description Les blocs visés dans la version de référentiel du parcours */
                blocs: {
                    code: string;
                    title: string;
                    carried: boolean;
                    /** @description Les propositions signées des évaluateurs (elles peuvent différer) */
                    proposals: {
                        /** Format: uuid */
                        assessmentId: string;
                        evaluator: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        };
                        /** @enum {string} */
                        proposal: "acquired" | "not_acquired";
                        signedAt: string;
                    }[];
                }[];
                /** @description Membres liés au candidat : ils ne délibèrent pas sur ce parcours */
                excluded: {
                    /** Format: uuid */
                    userId: string;
                    name: string | null;
                }[];
                /** @description La décision en vigueur */
                decision: components["schemas"]["JuryDecision"] | null;
                /** @description Toutes les décisions, de la première à celle en vigueur */
                history: components["schemas"]["JuryDecision"][];
            }[];
            /** @description Le procès-verbal en vigueur, ses signatures et ceux qui doivent encore signer */
            minutes: components["schemas"]["JuryMinutesSummary"] | null;
            /** @description Ce que la personne connectée peut faire de cette ressource */
            can: {
                manage: boolean;
                attend: boolean;
                decide: boolean;
                correct: boolean;
                sign: boolean;
            };
        };
        JuryAttendance: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "planned" | "deliberating" | "minutes" | "sealed" | "closed" | "cancelled";
            members: {
                /** Format: uuid */
                userId: string;
                name: string | null;
                /** @enum {string} */
                role: "president" | "member";
                /** @enum {string} */
                college: "employers" | "employees";
                /** @description La fédération ou le syndicat qui l’a désigné·e */
                organisation: string | null;
                presence: ("present" | "remote" | "absent") | null;
                convenedAt: string | null;
            }[];
            quorum: components["schemas"]["JuryQuorum"];
        };
        JuryAttendanceRequestInput: {
            members: {
                /** Format: uuid */
                userId: string;
                /** @enum {string} */
                presence: "present" | "remote" | "absent";
            }[];
        };
        JuryCloseAnswer: {
            awards: {
                /** Format: uuid */
                id: string;
                number: string;
                /** Format: uuid */
                candidacyId: string;
                /** @enum {string} */
                kind: "full" | "partial";
            }[];
        };
        JuryCreated: {
            /** Format: uuid */
            id: string;
        };
        JuryDecision: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            candidacyId: string;
            blocs: {
                code: string;
                validated: boolean | null;
                carried: boolean;
            }[];
            /** @enum {string} */
            outcome: "full" | "partial" | "refused" | "absent" | "deferred";
            reasons: string | null;
            recommendations: string | null;
            votes: {
                for: number;
                against: number;
                abstain: number;
            } | null;
            deliberatingMembers: string[];
            excludedMembers: string[];
            replacesId: string | null;
            correctionReason: string | null;
            postedBy: {
                /** Format: uuid */
                id: string;
                name: string | null;
            };
            /** @enum {string} */
            postedAs: "president" | "secretary";
            postedAt: string;
        };
        JuryDecisionRequestInput: {
            /** Format: uuid */
            candidacyId: string;
            blocs: {
                code: string;
                /** @description Absent ou null : non décidé */
                validated?: boolean | null;
            }[];
            /** @enum {string} */
            outcome: "full" | "partial" | "refused" | "absent" | "deferred";
            reasons?: string;
            recommendations?: string;
            votes?: {
                for: number;
                against: number;
                abstain: number;
            };
            /**
             * Format: uuid
             * @description La décision que celle-ci corrige (présidence seulement)
             */
            replaces?: string;
            correctionReason?: string;
        };
        JuryList: {
            items: components["schemas"]["JurySummary"][];
            total: number;
            page: number;
            pageSize: number;
        };
        JuryMinutesCreated: {
            /** Format: uuid */
            id: string;
            version: number;
            /** @description L’empreinte SHA-256 du PDF, que les membres signent */
            sha256: string;
            generatedAt: string;
        };
        JuryMinutesSignature: {
            minutesVersion: number;
            sha256: string;
            signedAt: string;
            /** @description Vrai quand cette signature était la dernière requise : le PDF est scellé */
            sealed: boolean;
            /** @description Les signataires requis qui n’ont pas encore signé */
            missingSigners: string[];
        };
        JuryMinutesSummary: {
            version: number;
            sha256: string;
            generatedAt: string;
            sealed: boolean;
            sealedAt: string | null;
            /** @description L’empreinte du PDF scellé */
            sealedSha256: string | null;
            signatures: {
                /** Format: uuid */
                userId: string;
                name: string | null;
                /** @enum {string} */
                role: "president" | "member";
                signedAt: string;
            }[];
            /** @description Ceux que les règles de la branche appellent à signer et qui ne l’ont pas fait */
            missingSigners: {
                /** Format: uuid */
                userId: string;
                name: string | null;
            }[];
        };
        JuryQuorum: {
            reached: boolean;
            counted: number;
            required: number;
            /** @description Ce qui manque, en français (null : atteint) */
            detail: string | null;
        };
        JuryRequestInput: {
            certificationIds: string[];
            date: string;
            /** @description L’heure de début (Europe/Paris) ; sans elle, la convocation porte sur la journée */
            startsAt?: string;
            place?: string;
            remote?: boolean;
            members: {
                /** Format: uuid */
                userId: string;
                /** @enum {string} */
                role: "president" | "member";
            }[];
            candidacyIds: string[];
        };
        /** @description Règles de composition et de fonctionnement des jurys */
        JuryRules: {
            colleges: components["schemas"]["JuryRulesColleges"];
            seats: components["schemas"]["JuryRulesSeats"];
            president: components["schemas"]["JuryRulesPresident"];
            quorum: components["schemas"]["JuryRulesQuorum"];
            /** @enum {string} */
            majority: "absolute" | "two_thirds" | "unanimity";
            votesRequired: boolean;
            remoteAllowed: boolean;
            /** @description Validité des blocs acquis ; null : à vie */
            blocValidityYears: number | null;
            /** @enum {string} */
            signatures: "president" | "president_and_present_members";
            reminderAfterDays: number;
        };
        JuryRulesAcceptance: {
            /** Format: uuid */
            id: string;
            /** @description Acceptée désormais par toutes les autres branches */
            accepted: boolean;
        };
        JuryRulesColleges: {
            /** @description Au moins ce nombre de membres de chaque collège */
            minPerCollege: number;
            /** @description Autant de membres de chaque collège */
            parity: boolean;
        };
        JuryRulesCreated: {
            /** Format: uuid */
            id: string;
        };
        JuryRulesList: {
            items: components["schemas"]["JuryRulesVersion"][];
            /** @description La version en vigueur aujourd’hui */
            inForce: string | null;
        };
        /** @description Collège de la présidence : libre, ou `evenYears` les années paires et l’autre les impaires */
        JuryRulesPresident: {
            /** @constant */
            rule: "any";
        } | {
            /** @constant */
            rule: "alternate_by_year";
            /** @enum {string} */
            evenYears: "employers" | "employees";
        };
        JuryRulesQuorum: {
            minMembers: number;
            minPerCollege: number;
        };
        JuryRulesRequestInput: {
            /** @description En vigueur à partir de cette date */
            effectiveFrom: string;
            /** @description Les règles (schéma JuryRules), vérifiées par le service : 422 nommant le champ (content.quorum.minMembers…) */
            content: unknown;
            note?: string | null;
        };
        /** @description Un siège par fédération ou syndicat listé ; null : aucun */
        JuryRulesSeats: {
            organisations: {
                name: string;
                /** @enum {string} */
                college: "employers" | "employees";
            }[];
        } | null;
        JuryRulesVersion: {
            /** Format: uuid */
            id: string;
            effectiveFrom: string;
            content: components["schemas"]["JuryRules"];
            note: string | null;
            createdAt: string;
            /** @description Le nom de son auteur */
            createdBy: string | null;
        };
        JurySummary: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "planned" | "deliberating" | "minutes" | "sealed" | "closed" | "cancelled";
            date: string;
            startsAt: string | null;
            place: string | null;
            remote: boolean;
            conveningBranch: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            certifications: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
            }[];
            memberCount: number;
            candidacyCount: number;
            /** @description Le rôle de la personne connectée */
            myRole: ("president" | "member") | null;
        };
        LinkablePeople: {
            items: {
                /** Format: uuid */
                id: string;
                displayName: string;
            }[];
        };
        Me: {
            user: {
                /** Format: uuid */
                id: string;
                email: string;
                displayName: string;
            };
            roles: components["schemas"]["Grant"][];
            csrfToken: string;
            session: {
                /** Format: uuid */
                id: string;
                expiresAt: string;
            };
        };
        NewCandidateInput: {
            birthName: string;
            usageName?: string;
            firstNames: string[];
            /** @enum {string} */
            sex: "F" | "M";
            birthDate: components["schemas"]["PartialBirthDateInput"];
            birthPlace: components["schemas"]["BirthPlaceInput"];
            /** Format: email */
            email?: string;
            phone?: string;
            address?: components["schemas"]["PostalAddressInput"];
            /** @description Numéro de sécurité sociale (15 caractères, clé comprise) */
            nir?: string;
        };
        Organisation: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "training_org" | "employer" | "assessment_centre" | "opco";
            name: string;
            siret: string | null;
            ndaNumber: string | null;
            qualiopiIssuedOn: string | null;
            qualiopiExpiresOn: string | null;
            idcc: string | null;
        };
        PartialBirthDate: {
            year: number;
            /** @description Absent s’il est inconnu */
            month?: number;
            /** @description Absent s’il est inconnu (le mois doit être connu) */
            day?: number;
        };
        PartialBirthDateInput: {
            year: number;
            /** @description Absent s’il est inconnu */
            month?: number;
            /** @description Absent s’il est inconnu (le mois doit être connu) */
            day?: number;
        };
        Pathway: {
            /** Format: uuid */
            candidacyId: string;
            /** @enum {string} */
            status: "enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused";
            frameworkVersion: number;
            /** @description Les blocs visés et ce que le positionnement laisse à acquérir */
            blocs: {
                code: string;
                title: string;
                /** @enum {string} */
                plan: "carried" | "assess_directly" | "to_acquire";
                gaps: {
                    code: string;
                    title: string;
                    level: ("held" | "partly" | "to_acquire") | null;
                }[];
                competencies: {
                    code: string;
                    title: string;
                }[];
            }[];
            /** @description Le parcours, ou null tant qu’il n’est pas établi */
            pathway: {
                revision: number;
                /** @enum {string} */
                origin: "generated" | "edited";
                updatedBy: string | null;
                updatedByName: string | null;
                updatedAt: string;
                modules: {
                    /** Format: uuid */
                    id: string;
                    blocCode: string;
                    /** @enum {string} */
                    kind: "training" | "work_situation" | "vae";
                    title: string;
                    competencyCodes: string[];
                    hours: number | null;
                    startsOn: string | null;
                    endsOn: string | null;
                    organisation: {
                        /** Format: uuid */
                        id: string;
                        name: string | null;
                    } | null;
                    description: string | null;
                    tutor: {
                        userId: string | null;
                        name: string | null;
                    } | null;
                    dueOn: string | null;
                }[];
                /** @description Ce qui reste à préciser (un parcours proposé laisse heures et dates à remplir) */
                missing: {
                    pointer: string;
                    field: string;
                    detail: string;
                }[];
                acknowledgements: {
                    /** @enum {string} */
                    party: "candidate" | "employer";
                    revision: number;
                    /** @description Faux quand le parcours a changé depuis */
                    current: boolean;
                    /** Format: uuid */
                    acknowledgedBy: string;
                    acknowledgedByName: string | null;
                    acknowledgedAt: string;
                }[];
            } | null;
            can: {
                edit: boolean;
                acknowledge: boolean;
                acknowledgeAs: ("candidate" | "employer") | null;
            };
        };
        PathwayAcknowledgementRequestInput: {
            /** @description La révision du parcours lue (409 si le parcours a changé depuis) */
            revision: number;
        };
        PathwayGenerateRequestInput: {
            /** @description Remplacer un parcours modifié à la main (sinon 409) */
            replace?: boolean;
        };
        /** @description Le parcours entier : remplace la liste des modules */
        PathwayRequestInput: {
            /** @description Tous les modules, dans leur ordre */
            modules: {
                blocCode: string;
                /** @enum {string} */
                kind: "training" | "work_situation" | "vae";
                title: string;
                competencyCodes?: string[];
                /** @description Formation : le nombre d’heures (> 0) */
                hours?: number | null;
                startsOn?: string | null;
                endsOn?: string | null;
                /** @description Formation : l’organisme de formation */
                organisationId?: string | null;
                description?: string | null;
                /** @description Situation de travail : le tuteur */
                tutor?: components["schemas"]["PathwayTutorInput"] | null;
                /** @description VAE : la date de remise du dossier */
                dueOn?: string | null;
            }[];
        };
        /** @description Le tuteur ou la tutrice chez l’employeur */
        PathwayTutorInput: {
            /** @description Le compte du tuteur, s’il en a un */
            userId?: string | null;
            /** @description Sinon, son nom */
            name?: string | null;
        };
        Positioning: {
            /** Format: uuid */
            candidacyId: string;
            /** @enum {string} */
            status: "enrolled" | "positioning" | "pathway" | "assessment" | "ready_for_jury" | "on_hold" | "withdrawn" | "transferred" | "awarded" | "partially_awarded" | "refused";
            frameworkVersion: number;
            blocs: {
                code: string;
                title: string;
                /** @description Bloc visé par le parcours */
                targeted: boolean;
                /** @description Acquis antérieurement (compte comme acquis), avec sa source */
                carried: {
                    /** @enum {string} */
                    source: "earlier_partial_award" | "equivalence";
                    reference: string | null;
                    correspondence: components["schemas"]["RegistryCorrespondence"] | null;
                    /** @description Reporté automatiquement d’une validation partielle d’une autre certification : par quelle équivalence */
                    through: {
                        /** @enum {string} */
                        kind: "declared_equivalence" | "registry_correspondence";
                        certification: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                        };
                        /** @description Les blocs de l’attestation qui valent celui-ci */
                        blocCodes: string[];
                        /** @description L’entrée du répertoire (correspondance du répertoire) */
                        correspondence: components["schemas"]["RegistryCorrespondence"] | null;
                    } | null;
                    recordedBy: string | null;
                    recordedByName: string | null;
                    recordedAt: string;
                } | null;
                summary: {
                    /** @enum {string} */
                    state: "carried" | "acquired" | "to_acquire" | "pending";
                    acquired: boolean;
                    /** @description Compétences selon la décision de l’organisme */
                    counts: {
                        held: number;
                        partly: number;
                        toAcquire: number;
                        pending: number;
                    };
                    selfPositioned: number;
                };
                competencies: {
                    code: string;
                    title: string;
                    /** @description L’auto-positionnement du candidat */
                    self: {
                        /** @enum {string} */
                        level: "held" | "partly" | "to_acquire";
                        comment: string | null;
                        decidedBy: string | null;
                        decidedByName: string | null;
                        decidedAt: string;
                    } | null;
                    /** @description La décision de l’organisme : celle qui compte */
                    organisation: {
                        /** @enum {string} */
                        level: "held" | "partly" | "to_acquire";
                        comment: string | null;
                        decidedBy: string | null;
                        decidedByName: string | null;
                        decidedAt: string;
                    } | null;
                    evidence: components["schemas"]["PositioningEvidence"][];
                }[];
            }[];
            /** @description Pièces qui ne visent pas une compétence */
            evidence: components["schemas"]["PositioningEvidence"][];
            /** @description Les correspondances des fiches du répertoire liées à la certification */
            correspondences: components["schemas"]["RegistryCorrespondence"][];
            can: {
                position: boolean;
                selfPosition: boolean;
            };
        };
        PositioningDecisionRequestInput: {
            /** @enum {string} */
            level: "held" | "partly" | "to_acquire";
            comment?: string;
        };
        PositioningEvidence: {
            /** Format: uuid */
            id: string;
            competencyCode: string | null;
            fileName: string;
            size: number;
            mediaType: string;
            uploadedBy: string | null;
            uploadedByName: string | null;
            uploadedAt: string;
        };
        PostalAddress: {
            street: string;
            complement?: string;
            postalCode: string;
            city: string;
            country?: string;
        };
        PostalAddressInput: {
            street: string;
            complement?: string;
            postalCode: string;
            city: string;
            country?: string;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                pointer: string;
                field: string;
                in?: string;
                detail: string;
                /** @description Fichier importé : le numéro de ligne du tableur (en-tête = 1) */
                row?: number;
                /** @description Fichier importé : l’en-tête de la colonne */
                column?: string;
            }[];
        };
        Recognition: {
            /** @enum {string} */
            status: "none" | "branch_only" | "rncp" | "rs";
            /** @enum {string} */
            registry?: "RNCP" | "RS";
            number?: string;
            level?: number;
            from?: string;
            to?: string;
        };
        RecognitionEvent: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "created" | "transmitted" | "rncp_registered" | "rs_registered" | "withdrawn" | "replaced";
            /** @description Date AAAA-MM-JJ */
            date: string;
            number?: string;
            level?: number;
            /** @description Date AAAA-MM-JJ */
            from?: string;
            /** @description Date AAAA-MM-JJ */
            to?: string;
            reference: string | null;
            successorId: string | null;
        };
        RecognitionPeriod: {
            /** @description Date AAAA-MM-JJ */
            from: string;
            to: string | null;
            recognition: components["schemas"]["Recognition"];
        };
        RegistryAlert: {
            /** Format: uuid */
            id: string;
            certification: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
            };
            numero: string;
            /**
             * @description registration_ended : fiche inactive ou échue alors que le catalogue la dit en vigueur ; registration_differs : dates ou niveau différents, ou inscription absente du catalogue ; title_differs ; successor : une fiche la remplace ; fiche_missing : fiche absente du dernier export
             * @enum {string}
             */
            kind: "registration_ended" | "registration_differs" | "title_differs" | "successor" | "fiche_missing";
            details: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "open" | "applied" | "dismissed";
            /** @description applied, dismissed (classée par une personne), superseded (remplacée par une alerte plus récente), resolved (l’écart a disparu), unlinked (lien retiré) */
            resolution: string | null;
            /** @description motif donné en classant */
            reason: string | null;
            createdRunId: string | null;
            createdAt: string;
            resolvedAt: string | null;
            resolvedBy: string | null;
            /** @description Ce que la personne connectée peut faire de cette alerte : appliquer le registre (seulement quand cela peut réussir), classer */
            can: {
                apply: boolean;
                dismiss: boolean;
            };
            /** @description Pour une alerte ouverte que la personne peut traiter : pourquoi « Appliquer le registre » échouerait */
            applyRefusal: string | null;
        };
        /** @description Une entrée CORRESPONDANCES d’une fiche du répertoire */
        RegistryCorrespondence: {
            /** @description La fiche du répertoire qui porte l’entrée */
            fiche: string;
            sourceBlocs: string[];
            destinationFiche: string;
            destinationBlocs: string[];
        };
        /** @description Une entrée CORRESPONDANCES d’une fiche du répertoire */
        RegistryCorrespondenceInput: {
            /** @description La fiche du répertoire qui porte l’entrée */
            fiche: string;
            sourceBlocs: string[];
            destinationFiche: string;
            destinationBlocs: string[];
        };
        /** @description Fiche RNCP ou RS telle que publiée par France compétences */
        RegistryFiche: {
            /** @example RNCP37674 */
            numero: string;
            /** @enum {string} */
            registry: "RNCP" | "RS";
            idFiche: number;
            title: string;
            abbreviation?: {
                code: string;
                label: string;
            };
            /** @description ETAT_FICHE (absent des exports CSV) */
            state?: string;
            active: boolean;
            registrationType?: string;
            decisionDate?: string;
            publicationDate?: string;
            effectDate?: string;
            lastJoDate?: string;
            endDate?: string;
            deliveryDeadline?: string;
            /** @description Niveau 1–8 ; absent au RS */
            level?: number;
            certifiers: {
                siret?: string;
                name: string;
                state?: string;
            }[];
            partners: {
                name: string;
                siret: string;
                /** @enum {string} */
                habilitation: "FORMER" | "ORGANISER" | "ORGA_FORM";
                state?: string;
                activeSince?: string;
            }[];
            juries: {
                [key: string]: {
                    active: boolean;
                    composition?: string;
                };
            };
            blocs: {
                code: string;
                label: string;
                competencies?: string;
                assessment?: string;
            }[];
            rome: {
                code: string;
                label: string;
            }[];
            nsf: {
                code: string;
                label: string;
            }[];
            formacode: {
                code: string;
                label: string;
            }[];
            idcc: {
                code: string;
                label: string;
            }[];
            ccn: {
                numero: string;
                label: string;
            }[];
            successors: string[];
            predecessors: string[];
            correspondences: {
                sourceBlocs: string[];
                destinationFiche: string;
                destinationBlocs: string[];
            }[];
            statistics: {
                year: number;
                certified: number;
                certifiedVae?: number;
                insertion6Months?: number;
                insertionJob2Years?: number;
            }[];
            texts: {
                activities?: string;
                capacities?: string;
                sectors?: string;
                jobTypes?: string;
                objectives?: string;
            };
        };
        RegistryFicheSummary: {
            numero: string;
            /** @enum {string} */
            registry: "RNCP" | "RS";
            title: string;
            abbreviation: string | null;
            state: string | null;
            active: boolean;
            level: number | null;
            startDate: string | null;
            endDate: string | null;
        };
        RegistryImportRun: {
            /** Format: uuid */
            id: string;
            fileName: string;
            fileType: ("xml" | "xml-zip" | "csv-zip") | null;
            kind: ("RNCP" | "RS" | "MIXED") | null;
            version: string | null;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            startedAt: string;
            endedAt: string | null;
            bytesTotal: number;
            bytesRead: number;
            fichesRead: number;
            counts: {
                /** @description fiches absentes jusqu’ici */
                new: number;
                /** @description fiches dont le contenu a changé (ou revenues) */
                changed: number;
                unchanged: number;
                /** @description fiches du même répertoire absentes de ce fichier : conservées, marquées absentes */
                removed: number;
                /** @description doublons d’une même fiche dans le fichier, ignorés */
                rejected: number;
                /** @description alertes ouvertes par la comparaison avec le catalogue */
                alerts: number;
            };
            error: {
                message: string;
                line?: number;
                column?: number;
                fiche?: string;
                element?: string;
                file?: string;
            } | null;
            actor: string;
        };
        /** @description Ce que Qualif a importé de chaque répertoire, et quand */
        RegistryStatus: {
            registries: {
                /** @enum {string} */
                registry: "RNCP" | "RS";
                /** @description fin du dernier import réussi contenant ce répertoire ; null : jamais importé */
                importedAt: string | null;
                /** @description fiches présentes dans les exports importés */
                fiches: number;
                /** @description dont actives */
                activeFiches: number;
            }[];
        };
        SearchItem: {
            /** Format: uuid */
            id: string;
            code: string;
            title: string;
            /** @enum {string} */
            kind: "CQP" | "CQPI";
            status: components["schemas"]["CertificationStatus"];
            branches: components["schemas"]["BranchRef"][];
            recognition: {
                /** @enum {string} */
                status: "none" | "branch_only" | "rncp" | "rs";
                level?: number;
                number?: string;
            };
        };
        SearchResult: {
            items: components["schemas"]["SearchItem"][];
            total: number;
            page: number;
            pageSize: number;
            facets: {
                kind: {
                    value: string;
                    count: number;
                }[];
                level: {
                    value: number;
                    count: number;
                }[];
                recognition: {
                    value: string;
                    count: number;
                }[];
                branch: {
                    value: string;
                    count: number;
                    label: string;
                }[];
            };
        };
        TrainingOrganisation: {
            /** Format: uuid */
            id: string;
            name: string;
            habilitation: string;
            /** @description Date AAAA-MM-JJ */
            validTo: string;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            isActive: boolean;
            roles: components["schemas"]["Grant"][];
        };
        Verification: {
            valid: boolean;
            /** @description Statut de l’attestation ; null : le document ne désigne aucune attestation de Qualif */
            status: ("valid" | "revoked" | "suspended") | null;
            checks: {
                /** @enum {string} */
                check: "signature" | "issuer" | "status" | "integrity";
                ok: boolean;
                /** @description Ce qui a été constaté, en français */
                detail: string;
            }[];
            holder?: {
                name: string;
            };
            certification?: {
                code: string;
                title: string;
                /** @enum {string} */
                kind: "CQP" | "CQPI";
            };
            blocs?: {
                code: string;
                title: string;
            }[];
            awardedOn?: string;
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
