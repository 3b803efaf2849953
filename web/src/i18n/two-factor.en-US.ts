import type { twoFactorZhCN } from './two-factor.zh-CN';

/** English for every key of two-factor.zh-CN.ts; a missing or extra key is a compile error. */
export const twoFactorEnUS: Record<keyof typeof twoFactorZhCN, string> = {
  'twoFactor.title': 'Two-step verification',
  'twoFactor.intro':
    'When it is on, signing in takes your password and the 6-digit code shown by an authenticator app on your phone (Tencent Authenticator, Google Authenticator, Microsoft Authenticator and the like).',
  'twoFactor.mustEnrol': 'Your role requires two-step verification. Finish the setup below to use the system.',
  'twoFactor.statusOn': 'On',
  'twoFactor.statusOff': 'Off',
  'twoFactor.requiredByRole':
    'Your role requires two-step verification, so it cannot be turned off. Ask an administrator to reset it when you change phones.',
  'twoFactor.start': 'Start setup',
  'twoFactor.scan': '1. Scan the QR code with your authenticator app',
  'twoFactor.qrAlt': 'Two-step verification QR code',
  'twoFactor.manualKey': 'If you cannot scan it, type this key into the app:',
  'twoFactor.enterCode': '2. Enter the 6-digit code the app shows',
  'twoFactor.confirm': 'Turn on',
  'twoFactor.enabled': 'Two-step verification is on',
  'twoFactor.recoveryTitle': 'Recovery codes',
  'twoFactor.recoveryFor':
    'If your phone is lost or unusable, sign in with one of these codes instead of a verification code; each works once. Write them down or print them and keep them safe:',
  'twoFactor.disable': 'Turn off two-step verification',
  'twoFactor.disableHint': 'Enter your current password to confirm.',
  'twoFactor.disabled': 'Two-step verification is off',
  'twoFactor.code': 'Verification code',
  'twoFactor.codeFormat': 'Enter 6 digits',
  'twoFactor.signInTitle': 'Enter the verification code',
  'twoFactor.signInHint': 'Open the authenticator app on your phone and enter the 6-digit code it shows for “Lantu”.',
  'twoFactor.recoveryCode': 'Recovery code',
  'twoFactor.recoveryHint': 'Enter one of your unused recovery codes (like abcde-fghjk).',
  'twoFactor.useRecovery': 'Phone not at hand? Use a recovery code',
  'twoFactor.useCode': 'Use a code from the authenticator app',
  'twoFactor.verify': 'Verify and sign in',
  'twoFactor.back': 'Back to the password',
  'twoFactor.userTag': 'Two-step',
  'twoFactor.reset': 'Reset two-step verification',
  'twoFactor.resetConfirm':
    'Reset the two-step verification of "{name}"? The user is signed out everywhere and next signs in with the password alone (and must set it up again if the role requires it).',
  'twoFactor.resetDone': 'Two-step verification reset',
  'twoFactor.roleRequire': 'Require two-step verification',
  'twoFactor.roleRequireHint':
    'Holders of this role must enter a code when signing in; those who have not set it up can only do so after signing in.',
  'auditAction.auth.totp_challenge': 'Password right, code awaited',
  'auditAction.auth.totp_setup': 'Started two-step verification setup',
  'auditAction.auth.totp_enable': 'Turned on two-step verification',
  'auditAction.auth.totp_disable': 'Turned off two-step verification',
  'auditAction.users.reset_totp': 'Reset two-step verification',
};
