import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite puts every hashed file here; a changed file gets a new name, so a browser may keep these for a year. */
const HASHED_ASSETS = /[\\/]assets[\\/][^\\/]+$/;

/**
 * Serves the built web page: the `.br` / `.gz` siblings written at build time to browsers that accept them,
 * hashed assets cached for a year as immutable, and everything else (index.html above all) revalidated on every
 * load so that a new release reaches people at their next visit.
 */
export async function registerWebPage(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, filePath) => {
      response.setHeader('cache-control', HASHED_ASSETS.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
