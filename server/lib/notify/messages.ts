import type { Locale } from '../../../common/locale';

/**
 * What the notification library's refusals and failures say to an administrator (the settings page, "send test",
 * the delivery log). Same shape as `server/lib/messages-*.ts` and spread into `messages.ts` (`...notifyZh`,
 * `...notifyEn`): the notifications module raises them through AppError as field errors and renders them in the log.
 */
export const notifyZh = {
  'notify.url_invalid': '不是有效的网址',
  'notify.url_scheme': '只能使用 http:// 或 https:// 开头的地址（收到的是 {scheme}）',
  'notify.url_credentials': '地址中不能包含用户名或密码；密钥请填写在专门的配置项中',
  'notify.url_not_allowed.loopback':
    '{host} 指向本机地址 {address}，不能作为发送地址。如确为本机上的内网服务，请管理员将 {host} 加入“允许的内网主机”',
  'notify.url_not_allowed.private':
    '{host} 指向内网地址 {address}，不能作为发送地址。如确为单位内网的服务，请管理员将 {host} 加入“允许的内网主机”',
  'notify.url_not_allowed.shared':
    '{host} 指向运营商级 NAT 地址 {address}（100.64.0.0/10），不能作为发送地址。如确为内网服务，请管理员将 {host} 加入“允许的内网主机”',
  'notify.url_not_allowed.own_address':
    '{host} 指向本服务器自己的地址 {address}，不能作为发送地址。如确为本机上的服务，请管理员将 {host} 加入“允许的内网主机”',
  'notify.url_not_allowed.link_local': '{host} 指向链路本地地址 {address}（含云服务器元数据地址 169.254.169.254），任何情况下都不允许发送',
  'notify.url_not_allowed.unspecified': '{host} 指向未指定地址 {address}，任何情况下都不允许发送',
  'notify.url_not_allowed.multicast': '{host} 指向组播或广播地址 {address}，任何情况下都不允许发送',
  'notify.url_not_allowed.reserved': '{host} 指向保留地址 {address}（文档、测试或协议专用），任何情况下都不允许发送',
  'notify.dns_failed': '无法解析主机名 {host}，请检查地址是否正确、服务器能否访问 DNS',
  'notify.timeout': '{host} 在 {seconds} 秒内没有完成响应',
  'notify.connection_failed': '无法连接 {host}（{reason}）',
  'notify.redirect_refused': '{host} 要求跳转到其他地址（HTTP {status}），出于安全考虑不跟随跳转；请直接填写最终地址',
  'notify.response_too_large': '{host} 的响应超过 {limit} 字节，已中止接收',
  'notify.http_status': '{host} 返回 HTTP {status}',
  'notify.channel_rejected.dingtalk': '钉钉机器人拒绝了消息：错误码 {errcode}，{errmsg}',
  'notify.channel_rejected.wecom': '企业微信机器人拒绝了消息：错误码 {errcode}，{errmsg}',
  'notify.channel_rejected.sms': '短信网关报告发送失败：{errmsg}',
  'notify.smtp_failed': '邮件服务器 {host} 没有接受邮件（{reason}）',
  'notify.config_invalid.phone': '手机号 {phone} 格式不正确',
  'notify.config_invalid.email': '邮箱地址 {email} 格式不正确',
  'notify.config_invalid.no_recipient': '没有收件人',
  'notify.config_invalid.host': '主机名 {host} 不正确',
  'notify.config_invalid.port': '端口 {port} 不正确，应为 1–65535',
  'notify.config_invalid.smtp_auth_needs_tls': '用用户名和密码登录邮件服务器时必须加密连接（SSL/TLS 或 STARTTLS）',
  'notify.config_invalid.dingtalk_token': '钉钉机器人地址中缺少 access_token',
  'notify.config_invalid.wecom_key': '企业微信机器人的 key 格式不正确',
  'notify.config_invalid.sms_template': '短信网关的请求模板不正确：{reason}',
  'notify.config_invalid.header': '请求头 {name} 不正确',
} as const;

export type NotifyMessageKey = keyof typeof notifyZh;

export const notifyEn: Record<NotifyMessageKey, string> = {
  'notify.url_invalid': 'This is not a valid web address',
  'notify.url_scheme': 'Only http:// and https:// addresses can be used (got {scheme})',
  'notify.url_credentials': 'The address must not contain a user name or password; put secrets in their own setting',
  'notify.url_not_allowed.loopback':
    '{host} points to this machine ({address}) and cannot be used. If it really is an intranet service here, an administrator can add {host} to the allowed intranet hosts',
  'notify.url_not_allowed.private':
    '{host} points to a private address ({address}) and cannot be used. If it really is an intranet service, an administrator can add {host} to the allowed intranet hosts',
  'notify.url_not_allowed.shared':
    '{host} points to a carrier-grade NAT address ({address}, 100.64.0.0/10) and cannot be used. If it really is an intranet service, an administrator can add {host} to the allowed intranet hosts',
  'notify.url_not_allowed.own_address':
    "{host} points to this server's own address ({address}) and cannot be used. If it really is a service on this machine, an administrator can add {host} to the allowed intranet hosts",
  'notify.url_not_allowed.link_local':
    '{host} points to a link-local address ({address}, which includes the cloud metadata address 169.254.169.254); this is never allowed',
  'notify.url_not_allowed.unspecified': '{host} points to the unspecified address ({address}); this is never allowed',
  'notify.url_not_allowed.multicast': '{host} points to a multicast or broadcast address ({address}); this is never allowed',
  'notify.url_not_allowed.reserved':
    '{host} points to a reserved address ({address}: documentation, testing or protocol use); this is never allowed',
  'notify.dns_failed': 'The host name {host} could not be resolved; check the address and whether the server can reach DNS',
  'notify.timeout': '{host} did not answer within {seconds} seconds',
  'notify.connection_failed': 'Could not connect to {host} ({reason})',
  'notify.redirect_refused':
    '{host} answered with a redirect (HTTP {status}); redirects are not followed for safety, so enter the final address',
  'notify.response_too_large': 'The answer of {host} exceeded {limit} bytes and was cut off',
  'notify.http_status': '{host} answered HTTP {status}',
  'notify.channel_rejected.dingtalk': 'The DingTalk robot refused the message: error {errcode}, {errmsg}',
  'notify.channel_rejected.wecom': 'The WeCom robot refused the message: error {errcode}, {errmsg}',
  'notify.channel_rejected.sms': 'The SMS gateway reported a failure: {errmsg}',
  'notify.smtp_failed': 'The mail server {host} did not accept the message ({reason})',
  'notify.config_invalid.phone': 'The mobile number {phone} is not valid',
  'notify.config_invalid.email': 'The e-mail address {email} is not valid',
  'notify.config_invalid.no_recipient': 'There is no recipient',
  'notify.config_invalid.host': 'The host name {host} is not valid',
  'notify.config_invalid.port': 'The port {port} is not valid; it must be 1–65535',
  'notify.config_invalid.smtp_auth_needs_tls':
    'Signing in to the mail server with a user name and password needs an encrypted connection (SSL/TLS or STARTTLS)',
  'notify.config_invalid.dingtalk_token': 'The DingTalk robot address has no access_token',
  'notify.config_invalid.wecom_key': 'The WeCom robot key is not valid',
  'notify.config_invalid.sms_template': 'The SMS gateway request template is not valid: {reason}',
  'notify.config_invalid.header': 'The request header {name} is not valid',
};

const catalogues: Record<Locale, Record<NotifyMessageKey, string>> = { 'zh-CN': notifyZh, 'en-US': notifyEn };

/** Renders a notification message in the given language (the same placeholders as `translate` in messages.ts). */
export function renderNotifyMessage(locale: Locale, key: NotifyMessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
