// The settings module's face: what other modules may use.
export { findSettings } from './repository';
