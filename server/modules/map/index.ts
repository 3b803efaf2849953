// The map module's face (一张图): region boundaries and the projects' points.
export { seedDemoBoundaries } from './seed';
export { findBoundary } from './repository';
