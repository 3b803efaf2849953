import type { Executor } from '../../db/client';
import { findSettings } from '../settings';

/** How long the tile server's origin is trusted before the settings are read again. */
const REFRESH_MS = 30_000;

/**
 * The origin of the configured tile server, for the page's Content-Security-Policy (`img-src`): the map's tiles are
 * images from another host, which the policy otherwise refuses. One per application (no module state); it rereads
 * the settings at most every 30 seconds, so a changed address applies within half a minute.
 */
export function tileSourcePolicy(db: Executor) {
  let origin: string | null = null;
  let readAt = 0;
  return {
    /** The CSP source to add to img-src: the tile server's origin, or 'self' when none is set. */
    source: () => origin ?? "'self'",
    async refresh(now = Date.now()) {
      if (now - readAt < REFRESH_MS) return;
      readAt = now;
      try {
        const { mapTileUrl } = await findSettings(db);
        origin = mapTileUrl ? new URL(mapTileUrl.replace(/\{([xyz])\}/g, '0')).origin : null;
      } catch {
        // Before the first migration there are no settings: keep the page's own sources only.
        origin = null;
      }
    },
  };
}
