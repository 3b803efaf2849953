import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import { ALWAYS_REFUSED, classifyAddress, sameAddress } from './addresses';
import { configInvalid, NotifyError } from './errors';

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Resolves a host name to every address it has (node:dns/promises `lookup` with `all` by default). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** What an outgoing request may reach: the administrator's allowlist, and the resolver and own addresses (tests inject them). */
export type OutgoingPolicy = {
  /** Host names (or IP literals) an administrator allows although they resolve to an intranet address or this server. */
  allowedHosts?: readonly string[];
  resolve?: Resolve;
  /** This server's own addresses; every address of `os.networkInterfaces()` by default. */
  ownAddresses?: () => readonly string[];
};

/** A host whose every address was checked: connect to these addresses and no others. */
export type CheckedHost = { hostname: string; addresses: ResolvedAddress[]; allowlisted: boolean };

/** A checked URL: the URL to send to, and the addresses its host was resolved to and checked. */
export type CheckedUrl = CheckedHost & { url: URL; port: number };

const MAX_URL_LENGTH = 2048;

const systemResolve: Resolve = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

const systemOwnAddresses = (): string[] =>
  Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));

/** A host as the allowlist compares it: lower case, without IPv6 brackets or a trailing dot. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

function isAllowlisted(hostname: string, allowedHosts: readonly string[] | undefined): boolean {
  const host = normaliseHost(hostname);
  return (allowedHosts ?? []).some((entry) => {
    const allowed = normaliseHost(entry);
    return allowed === host || (isIP(allowed) !== 0 && isIP(host) !== 0 && sameAddress(allowed, host));
  });
}

/** Refuses an address by its kind and by being one of the server's own, unless the host is allowlisted. */
function checkAddress(host: string, address: string, allowlisted: boolean, own: readonly string[]): void {
  const kind = classifyAddress(address) ?? (own.some((mine) => sameAddress(mine, address)) ? 'own_address' : null);
  if (!kind) return;
  if (allowlisted && !ALWAYS_REFUSED.has(kind)) return;
  throw new NotifyError('notify.url_not_allowed', `notify.url_not_allowed.${kind}`, { host, address });
}

/**
 * Resolves a host and checks every one of its addresses: loopback, private, carrier-grade NAT and this server's own
 * addresses are refused unless the administrator allowlisted the host; link-local (cloud metadata), unspecified,
 * multicast and reserved addresses always. Used for mail servers directly and for URLs by `checkOutgoingUrl`.
 */
export async function checkOutgoingHost(rawHost: string, policy: OutgoingPolicy = {}): Promise<CheckedHost> {
  const hostname = normaliseHost(rawHost);
  if (!hostname || !/^[a-z0-9.:_-]+$/.test(hostname)) throw configInvalid('notify.config_invalid.host', { host: rawHost.slice(0, 100) });
  const allowlisted = isAllowlisted(hostname, policy.allowedHosts);
  let addresses: ResolvedAddress[];
  const literal = isIP(hostname);
  if (literal) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await (policy.resolve ?? systemResolve)(hostname);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new NotifyError('notify.dns_failed', 'notify.dns_failed', { host: hostname }, code === 'EAI_AGAIN', { cause: error });
    }
    if (addresses.length === 0) throw new NotifyError('notify.dns_failed', 'notify.dns_failed', { host: hostname });
  }
  const own = (policy.ownAddresses ?? systemOwnAddresses)();
  for (const { address } of addresses) checkAddress(hostname, address, allowlisted, own);
  return { hostname, addresses, allowlisted };
}

/**
 * Checks a webhook or gateway URL before a request: http or https only, no user name or password in it, and its
 * host's addresses as `checkOutgoingHost` says. Call it before every request (DNS answers change) and connect only to
 * the addresses it returns (`pinnedLookup`).
 */
export async function checkOutgoingUrl(rawUrl: string, policy: OutgoingPolicy = {}): Promise<CheckedUrl> {
  if (rawUrl.length > MAX_URL_LENGTH || !URL.canParse(rawUrl)) throw new NotifyError('notify.url_invalid', 'notify.url_invalid');
  const url = new URL(rawUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NotifyError('notify.url_scheme', 'notify.url_scheme', { scheme: url.protocol.slice(0, 20) });
  }
  if (url.username || url.password) throw new NotifyError('notify.url_credentials', 'notify.url_credentials');
  if (!url.hostname) throw new NotifyError('notify.url_invalid', 'notify.url_invalid');
  const checked = await checkOutgoingHost(url.hostname, policy);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { ...checked, url, port };
}

/**
 * A `lookup` for http/net that answers with the checked addresses only, so the connection goes where the check
 * looked even if the name resolves elsewhere a moment later (DNS rebinding).
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0];
    if (!first) {
      process.nextTick(() => callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 4));
      return;
    }
    if (options.all)
      process.nextTick(() =>
        callback(
          null,
          addresses.map(({ address, family }) => ({ address, family })),
        ),
      );
    else process.nextTick(() => callback(null, first.address, first.family));
  };
}
