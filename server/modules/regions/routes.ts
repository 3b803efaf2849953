import type { App, Deps } from '../../lib/http';

export function regionRoutes(_app: App, _deps: Deps) {}
