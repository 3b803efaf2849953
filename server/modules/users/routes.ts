import type { App, Deps } from '../../lib/http';

export function userRoutes(_app: App, _deps: Deps) {}
