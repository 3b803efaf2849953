// The audit log as officials read it (DOMAIN.md "Roles"): routine session events — signing in and out, a failed
// sign-in, the second-factor step — are many times the writes; the log page hides them unless asked.

/** The audit actions of routine session events, hidden from the log page by default. */
export const SESSION_AUDIT_ACTIONS = ['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out', 'auth.totp_challenge'] as const;

/** Which session events a query of the audit log returns: all events, none of them, or only them. */
export const AUDIT_SESSION_FILTERS = ['shown', 'hidden', 'only'] as const;
export type AuditSessionFilter = (typeof AUDIT_SESSION_FILTERS)[number];
