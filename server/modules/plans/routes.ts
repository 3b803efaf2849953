import type { App, Deps } from '../../lib/http';

export function planRoutes(_app: App, _deps: Deps) {}
