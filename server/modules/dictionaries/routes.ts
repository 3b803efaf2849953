import type { App, Deps } from '../../lib/http';

export function dictionaryRoutes(_app: App, _deps: Deps) {}
