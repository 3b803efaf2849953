import type { App, Deps } from '../../lib/http';

export function settingsRoutes(_app: App, _deps: Deps) {}
