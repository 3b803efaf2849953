// The users module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { assertManageable } from './grants';
export { presentUser } from './presenter';
export { findUser, loadWrittenUser, type UserRow } from './repository';
