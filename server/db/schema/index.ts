export * from './organisation';
export * from './reference';
export * from './security';
export * from './projects';
export * from './tracks';
export * from './custom-fields';
export * from './imports';
export * from './reports';
