// What the HTTP host accepts before a request reaches a handler. Any web page the user opens can send
// requests to this host, so: the request target must be a well-formed path; the Host header must name
// the address being served (defeats DNS rebinding); a present Origin must be one of those same
// addresses and a present Sec-Fetch-Site must say same-origin (or none: typed by the user); an API
// call must say its body is JSON (a cross-site form or "simple" fetch cannot).
import { hostname as osHostname, networkInterfaces } from 'node:os';

/** The decoded path of an origin-form request target, or null when it is malformed or unsafe. */
export function parseRequestPath(target: string | undefined): string | null {
  // Only origin-form ("/path?query"): absolute-form would carry a second authority beside Host, and
  // "*" or authority-form mean nothing to this host.
  if (!target || target[0] !== '/' || target.startsWith('//')) return null;
  const end = target.search(/[?#]/);
  const raw = end === -1 ? target : target.slice(0, end);
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // Control characters (NUL above all) have no place in a path and confuse file APIs.
  if (/[\u0000-\u001f\u007f]/.test(path)) return null;
  // Decoding can introduce "..", "/" or "\" that the raw target did not show; refuse dot segments in
  // any spelling rather than resolve them, so no path ever points above the folder served.
  if (path.split(/[/\\]/).some((segment) => segment === '..' || segment === '.')) return null;
  return path;
}

export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** Fetch metadata: only the host's own pages (or the user typing the address) may call it. */
export function isAllowedFetchSite(header: string | undefined): boolean {
  return header === undefined || header === 'same-origin' || header === 'none';
}

// host[:port] as a browser writes it: a name or IPv4 address, or a bracketed IPv6 address.
const hostPattern = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

/** Normalises an `--allowed-host` value (a name or address, optionally with a port); null if malformed. */
export function normaliseHostName(value: string): string | null {
  const lower = value.trim().toLowerCase();
  // IPv6 addresses must be bracketed, as in a Host header: "fe80::1" would read as a name and a port.
  return hostPattern.test(lower) ? lower : null;
}

export interface AllowedHostsOptions {
  /** The address the server is bound to, as given to listen() ('127.0.0.1', '0.0.0.0', '::', '192.168.1.5'). */
  boundAddress: string;
  /** The port the server is bound to. */
  port: number;
  /** Extra names from `--allowed-host` (e.g. "inventory.office.lan" or "inventory.office.lan:8443"). */
  extraHosts?: readonly string[];
  /** For tests: the machine's addresses and name (default: os.networkInterfaces() and os.hostname()). */
  machine?: () => { addresses: string[]; hostname: string };
}

function machineIdentity(): { addresses: string[]; hostname: string } {
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) addresses.push(info.address);
  return { addresses, hostname: osHostname() };
}

function hostPart(address: string): string {
  // Interface addresses may carry a zone ("fe80::1%eth0"), which a Host header cannot.
  const bare = address.replace(/%.*$/, '').toLowerCase();
  return bare.includes(':') ? `[${bare}]` : bare;
}

const RECHECK_MACHINE_AFTER_MS = 10_000;

/**
 * The exact `host:port` strings this server answers to (lower case). Loopback names always; the bound
 * address; `--allowed-host` names; and, when bound to every interface, the machine's own addresses
 * and name (with and without `.local`), so the office network keeps working. Nothing else: a name an
 * attacker controls can point at this machine (DNS rebinding) but can never be in this list.
 */
export class AllowedHosts {
  private hosts = new Set<string>();
  private machineCheckedAt = 0;

  constructor(private readonly options: AllowedHostsOptions) {
    this.rebuild(Date.now());
  }

  private get servesEveryInterface(): boolean {
    return this.options.boundAddress === '0.0.0.0' || this.options.boundAddress === '::';
  }

  private rebuild(now: number): void {
    const { port } = this.options;
    const names = ['localhost', '127.0.0.1', '[::1]'];
    if (!this.servesEveryInterface) names.push(hostPart(this.options.boundAddress));
    else {
      const machine = (this.options.machine ?? machineIdentity)();
      names.push(...machine.addresses.map(hostPart));
      const name = machine.hostname.toLowerCase();
      if (name) names.push(name, name.endsWith('.local') ? name.slice(0, -'.local'.length) : `${name}.local`);
      this.machineCheckedAt = now;
    }
    const hosts = new Set<string>();
    const add = (entry: string) => {
      if (/:\d+$/.test(entry) && !entry.endsWith(']')) hosts.add(entry);
      else {
        hosts.add(`${entry}:${port}`);
        // Browsers leave the default port out of Host and Origin.
        if (port === 80) hosts.add(entry);
      }
    };
    for (const name of names) if (name) add(name);
    for (const extra of this.options.extraHosts ?? []) add(extra.toLowerCase());
    this.hosts = hosts;
  }

  /** Whether a Host header value names this server. */
  allowsHost(header: string | undefined): boolean {
    if (header === undefined) return false;
    const value = header.toLowerCase();
    if (!hostPattern.test(value)) return false;
    if (this.hosts.has(value)) return true;
    // Interfaces come and go (DHCP, VPN): look again, at most every few seconds.
    const now = Date.now();
    if (this.servesEveryInterface && now - this.machineCheckedAt > RECHECK_MACHINE_AFTER_MS) {
      this.rebuild(now);
      return this.hosts.has(value);
    }
    return false;
  }

  /** Whether an Origin header value is one of this server's own origins. `null` (sandboxed, file:) never is. */
  allowsOrigin(header: string, tls: boolean): boolean {
    const value = header.toLowerCase();
    const scheme = tls ? 'https://' : 'http://';
    if (!value.startsWith(scheme)) return false;
    return this.allowsHost(value.slice(scheme.length));
  }
}
