import { expect, test } from './contract';
import { E2E_PASSWORD, enrolTotp, nextTotpCode, openUserMenu, shot, signIn, signOut, submitPassword, openFromMenu } from './helpers';

test('a role is made to require two-step verification: its user sets it up at sign-in, signs in with a code or a recovery code, and the administrator resets it after a lost phone', async ({
  page,
}) => {
  // Up to 30 seconds may pass waiting for an unused time step on the phone.
  test.setTimeout(180_000);

  // The administrator (who must use a second factor out of the box) requires it of the supervisors.
  await signIn(page, 'admin', E2E_PASSWORD);
  await openFromMenu(page, 'roles');
  await page.getByTestId('role-tab-supervisor').click();
  const requireTotp = page.getByTestId('role-require-totp-supervisor');
  await expect(requireTotp).not.toBeChecked();
  await requireTotp.click();
  await page.getByTestId('role-save-supervisor').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(requireTotp).toBeChecked();
  await shot(page, '2fa-01-role-requires');
  await openFromMenu(page, 'home');
  await signOut(page);

  // The supervisor's next sign-in opens only the setup page: QR code, key typed out, a first code, recovery codes.
  await submitPassword(page, 'viewer', E2E_PASSWORD);
  await expect(page).toHaveURL(/\/two-factor/);
  await expect(page.getByTestId('must-enrol-totp')).toBeVisible();
  await page.goto('/units');
  await expect(page).toHaveURL(/\/two-factor/);
  const recoveryCodes = await enrolTotp(page, 'viewer', (step) => shot(page, step === 'key' ? '2fa-02-setup-qr' : '2fa-03-recovery-codes'));
  expect(recoveryCodes).toHaveLength(10);
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await signOut(page);

  // Second step: a wrong code is refused in words; a recovery code works instead of the phone.
  await submitPassword(page, 'viewer', E2E_PASSWORD);
  await expect(page.getByTestId('totp-code')).toBeVisible();
  await page.getByTestId('totp-code').fill('000000');
  await page.getByTestId('totp-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('验证码不正确');
  await shot(page, '2fa-04-code-step-wrong-code');
  await page.getByTestId('totp-use-recovery').click();
  await page.getByTestId('totp-recovery-code').fill(recoveryCodes[0] ?? '');
  await shot(page, '2fa-05-recovery-code');
  await page.getByTestId('totp-submit').click();
  await expect(page.getByTestId('home-welcome')).toBeVisible();

  // The account page says it is on, and that this role may not turn it off.
  await openUserMenu(page);
  await page.getByTestId('two-factor').click();
  await expect(page.getByTestId('totp-status')).toHaveText('已开启');
  await expect(page.getByTestId('totp-disable')).toHaveCount(0);
  await shot(page, '2fa-06-account-page');
  await openFromMenu(page, 'home');
  await signOut(page);

  // A used recovery code is refused; a fresh code from the phone signs in.
  await submitPassword(page, 'viewer', E2E_PASSWORD);
  await page.getByTestId('totp-use-recovery').click();
  await page.getByTestId('totp-recovery-code').fill(recoveryCodes[0] ?? '');
  await page.getByTestId('totp-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('恢复码不正确或已使用过');
  await page.getByTestId('totp-use-recovery').click();
  await page.getByTestId('totp-code').fill(await nextTotpCode('viewer'));
  await page.getByTestId('totp-submit').click();
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await signOut(page);

  // The phone is lost: the administrator resets the second factor and lifts the requirement again.
  await signIn(page, 'admin', E2E_PASSWORD);
  await openFromMenu(page, 'users');
  const viewerRow = page.getByTestId('user-table').locator('tr', { hasText: 'viewer' });
  await expect(viewerRow).toContainText('两步验证');
  await page.getByTestId('user-reset-totp-viewer').click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已重置两步验证')).toBeVisible();
  await expect(page.getByTestId('user-reset-totp-viewer')).toHaveCount(0);
  await shot(page, '2fa-07-admin-reset');
  await openFromMenu(page, 'roles');
  await page.getByTestId('role-tab-supervisor').click();
  await page.getByTestId('role-require-totp-supervisor').click();
  await page.getByTestId('role-save-supervisor').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await openFromMenu(page, 'home');
  await signOut(page);

  // The supervisor signs in with the password alone again, and may turn two-step verification on voluntarily.
  await submitPassword(page, 'viewer', E2E_PASSWORD);
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await page.goto('/two-factor');
  await expect(page.getByTestId('totp-status')).toHaveText('未开启');
  await expect(page.getByTestId('must-enrol-totp')).toHaveCount(0);
  await page.getByTestId('language-switch').click();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('totp-start')).toHaveText('Start setup');
  await shot(page, '2fa-08-voluntary-english');
});
