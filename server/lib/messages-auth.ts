/** Messages of the second sign-in factor (TOTP, recovery codes), merged into `messages.ts`. */
export const authZh = {
  'error.totp_enrolment_required': '您的角色要求开启两步验证，请先完成设置',
  'format.totpCode': '验证码应为 6 位数字',
  'totp.code_or_recovery': '请填写 6 位验证码或一个恢复码（二选一）',
  'totp.password_or_code': '请填写当前密码或验证码',
  'totp.wrong_code': '验证码不正确或已使用过，请等手机上出现新的验证码后再试',
  'totp.wrong_recovery_code': '恢复码不正确或已使用过',
  'totp.invalid_challenge': '登录步骤已过期，请重新输入用户名和密码',
  'totp.already_enabled': '两步验证已开启；如需更换手机，请先关闭再重新设置',
  'totp.not_set_up': '请先点击“开始设置”获取密钥',
  'totp.required_by_role': '您的角色要求两步验证，不能关闭；如更换了手机，请联系管理员重置',
  'totp.cannot_reset_self': '不能重置自己的两步验证，请在“两步验证”页面自行管理',
  'totp.unreadable_secret': '两步验证密钥无法读取（服务器密钥已更换），请联系管理员重置两步验证',
} as const;

export const authEn: Record<keyof typeof authZh, string> = {
  'error.totp_enrolment_required': 'Your role requires two-step verification; please set it up first',
  'format.totpCode': 'A verification code has 6 digits',
  'totp.code_or_recovery': 'Enter either a 6-digit verification code or a recovery code',
  'totp.password_or_code': 'Enter your current password or a verification code',
  'totp.wrong_code': 'The code is wrong or was already used; wait for a new code on your phone and try again',
  'totp.wrong_recovery_code': 'The recovery code is wrong or was already used',
  'totp.invalid_challenge': 'The sign-in step has expired; please enter your username and password again',
  'totp.already_enabled': 'Two-step verification is already on; to move it to a new phone, turn it off and set it up again',
  'totp.not_set_up': 'Click "Start setup" first to get a key',
  'totp.required_by_role':
    'Your role requires two-step verification, so it cannot be turned off; ask an administrator to reset it if you changed phones',
  'totp.cannot_reset_self': 'You cannot reset your own two-step verification; manage it on the two-step verification page',
  'totp.unreadable_secret': 'The two-step verification key cannot be read (the server secret changed); ask an administrator to reset it',
};
