import type { App, Deps } from '../../lib/http';

export function auditRoutes(_app: App, _deps: Deps) {}
