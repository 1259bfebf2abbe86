import { describe, expect, it } from 'vitest';
import { AllowedHosts, isAllowedFetchSite, isJsonContentType, normaliseHostName, parseRequestPath } from './http-policy';

describe('request target', () => {
  it('decodes well-formed paths and drops the query', () => {
    expect(parseRequestPath('/')).toBe('/');
    expect(parseRequestPath('/assets/index-abc.js?v=1#x')).toBe('/assets/index-abc.js');
    expect(parseRequestPath('/api/auth.status')).toBe('/api/auth.status');
    expect(parseRequestPath('/stock/Almac%C3%A9n')).toBe('/stock/Almacén');
    expect(parseRequestPath('/%252e%252e/x')).toBe('/%2e%2e/x');
  });

  it('refuses malformed percent-encodings in every position', () => {
    for (const target of ['/%', '/%%', '/%1', '/%zz', '/%E0%A4%A', '/assets/%ff.js', '/%C0%AE', '/%ED%A0%80', '/a/%F4%90%80%80', '/api/%E0%A4%A', '/x%']) {
      expect(parseRequestPath(target), target).toBeNull();
    }
  });

  it('refuses dot segments in any spelling and control characters', () => {
    const dots = ['/..', '/../x', '/a/../../x', '/%2e%2e/x', '/%2E%2E%2Fx', '/.%2e/x', '/%2e./x', '/..%2fx', '/..%5cx', '/a\\..\\x', '/.', '/./x', '/a/%2e/x'];
    for (const target of dots) expect(parseRequestPath(target), target).toBeNull();
    for (const target of ['/%00', '/a%00.js', '/\u0000', '/%0a', '/%0d%0aX: y', '/%7f', '/%1b[31m']) expect(parseRequestPath(target), JSON.stringify(target)).toBeNull();
    // A file name may contain dots; only whole ".." or "." segments are refused.
    expect(parseRequestPath('/assets/a..b.js')).toBe('/assets/a..b.js');
    expect(parseRequestPath('/...')).toBe('/...');
  });

  it('accepts only origin-form targets', () => {
    for (const target of [undefined, '', '*', 'http://[::1', 'http://localhost/', 'https://evil.example/x', 'evil.example:443', '//evil.example/x', 'x']) {
      expect(parseRequestPath(target), String(target)).toBeNull();
    }
  });
});

describe('content type and fetch metadata', () => {
  it('accepts JSON with parameters only', () => {
    for (const ok of ['application/json', 'APPLICATION/JSON', 'application/json; charset=utf-8', ' application/json ;charset=UTF-8']) expect(isJsonContentType(ok), ok).toBe(true);
    for (const bad of [undefined, '', 'text/plain', 'application/jsonp', 'application/json-seq', 'application/ld+json', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      expect(isJsonContentType(bad), String(bad)).toBe(false);
    }
  });

  it('accepts same-origin, none or no header at all', () => {
    expect([undefined, 'same-origin', 'none'].every(isAllowedFetchSite)).toBe(true);
    expect(['cross-site', 'same-site', 'Same-Origin', ''].some(isAllowedFetchSite)).toBe(false);
  });
});

describe('allowed hosts', () => {
  const machine = () => ({ addresses: ['127.0.0.1', '192.168.1.20', '::1', 'fe80::1c2:3ff:fe44:5566%eth0', '2001:db8::20'], hostname: 'Front-Desk' });

  it('serves loopback names and the bound address on the served port', () => {
    const hosts = new AllowedHosts({ boundAddress: '127.0.0.1', port: 5178, machine });
    for (const ok of ['localhost:5178', '127.0.0.1:5178', '[::1]:5178', 'LOCALHOST:5178']) expect(hosts.allowsHost(ok), ok).toBe(true);
    // Not bound to every interface: the machine's LAN address and name are not served.
    for (const no of ['192.168.1.20:5178', 'front-desk:5178', 'front-desk.local:5178', 'localhost', 'localhost:80', undefined]) expect(hosts.allowsHost(no), String(no)).toBe(false);
  });

  it('on every interface, serves the machine’s own addresses and name with and without .local', () => {
    for (const boundAddress of ['0.0.0.0', '::']) {
      const hosts = new AllowedHosts({ boundAddress, port: 8080, machine });
      const ok = ['192.168.1.20:8080', '[2001:db8::20]:8080', '[fe80::1c2:3ff:fe44:5566]:8080', 'front-desk:8080', 'front-desk.local:8080', 'FRONT-DESK.LOCAL:8080', 'localhost:8080'];
      for (const value of ok) expect(hosts.allowsHost(value), `${boundAddress} ${value}`).toBe(true);
      const no = ['192.168.1.21:8080', '192.168.1.20:8081', '192.168.1.20', 'front-desk.local.:8080', 'front-desk.evil.example:8080', 'evil.example:8080', '0.0.0.0:8080', '[::]:8080'];
      for (const value of no) expect(hosts.allowsHost(value), `${boundAddress} ${value}`).toBe(false);
    }
  });

  it('serves a name ending in .local also without it', () => {
    const hosts = new AllowedHosts({ boundAddress: '0.0.0.0', port: 5178, machine: () => ({ addresses: [], hostname: 'mac-mini.local' }) });
    expect(hosts.allowsHost('mac-mini.local:5178')).toBe(true);
    expect(hosts.allowsHost('mac-mini:5178')).toBe(true);
  });

  it('serves --allowed-host names on the served port, or on the port they name', () => {
    const hosts = new AllowedHosts({ boundAddress: '192.168.1.20', port: 5178, extraHosts: ['inventory.office.lan', 'proxy.office.lan:443', '[2001:db8::99]'], machine });
    for (const ok of ['192.168.1.20:5178', 'inventory.office.lan:5178', 'proxy.office.lan:443', '[2001:db8::99]:5178']) expect(hosts.allowsHost(ok), ok).toBe(true);
    for (const no of ['inventory.office.lan:443', 'proxy.office.lan:5178', 'proxy.office.lan', 'inventory.office.lan']) expect(hosts.allowsHost(no), no).toBe(false);
  });

  it('leaves the port out on port 80, as browsers do', () => {
    const hosts = new AllowedHosts({ boundAddress: '127.0.0.1', port: 80 });
    expect(hosts.allowsHost('localhost')).toBe(true);
    expect(hosts.allowsHost('localhost:80')).toBe(true);
    expect(hosts.allowsOrigin('http://localhost', false)).toBe(true);
  });

  it('accepts an Origin only with the scheme served and an allowed host', () => {
    const hosts = new AllowedHosts({ boundAddress: '127.0.0.1', port: 5178 });
    expect(hosts.allowsOrigin('http://127.0.0.1:5178', false)).toBe(true);
    expect(hosts.allowsOrigin('https://127.0.0.1:5178', true)).toBe(true);
    for (const no of ['null', 'https://127.0.0.1:5178', 'http://127.0.0.1:5178/', 'http://evil.example', 'ws://127.0.0.1:5178', 'http://127.0.0.1:5178@evil.example', '']) {
      expect(hosts.allowsOrigin(no, false), no).toBe(false);
    }
    expect(hosts.allowsOrigin('http://127.0.0.1:5178', true)).toBe(false);
  });

  it('validates --allowed-host values', () => {
    expect(normaliseHostName('Inventory.Office.LAN')).toBe('inventory.office.lan');
    expect(normaliseHostName('[2001:DB8::1]:8443')).toBe('[2001:db8::1]:8443');
    for (const bad of ['fe80::1', 'http://x', 'x/y', 'a b', '', 'name.', '*.office.lan', 'user@host']) expect(normaliseHostName(bad), bad).toBeNull();
  });
});
