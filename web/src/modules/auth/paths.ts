import type { Me } from '../../../../common/schemas/auth';

export const CHANGE_PASSWORD_PATH = '/change-password';
export const TWO_FACTOR_PATH = '/two-factor';

/** Where a user goes after signing in: the password change or the second-factor setup when due, else on. */
export const landingPath = (me: Me, redirectTo: string) =>
  me.mustChangePassword ? CHANGE_PASSWORD_PATH : me.mustEnrolTotp ? TWO_FACTOR_PATH : redirectTo;

/** The only page open while something is due before anything else, or null. */
export const forcedPath = (me: Me) => (me.mustChangePassword ? CHANGE_PASSWORD_PATH : me.mustEnrolTotp ? TWO_FACTOR_PATH : null);
