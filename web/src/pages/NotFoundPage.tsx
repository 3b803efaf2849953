import { StatusResult } from '../ui/StatusResult';

/** Shown for any unknown route (a route whose permission is missing shows the 403 result, see RequirePermission). */
export function NotFoundPage() {
  return <StatusResult status="404" />;
}
