import type { App, Deps } from '../../lib/http';

export function projectRoutes(_app: App, _deps: Deps) {}
