export * from './organisation';
export * from './reference';
export * from './security';
export * from './projects';
