import type { App, Deps } from '../../lib/http';

export function roleRoutes(_app: App, _deps: Deps) {}
