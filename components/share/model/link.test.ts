import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loopbackHost } from './link';

describe('loopbackHost', () => {
  it('finds the names a phone on the network would resolve to itself', () => {
    expect(loopbackHost('http://127.0.0.1:3100/tools/memory?batch=8')).toBe('127.0.0.1');
    expect(loopbackHost('http://localhost:3000/present/memory')).toBe('localhost');
    expect(loopbackHost('http://LOCALHOST/')).toBe('localhost');
    expect(loopbackHost('http://app.localhost:8080/')).toBe('app.localhost'); // RFC 6761 §6.3
    expect(loopbackHost('http://127.1.2.3/')).toBe('127.1.2.3'); // all of 127.0.0.0/8
    expect(loopbackHost('http://[::1]:3000/')).toBe('[::1]');
    // The WHATWG URL parser normalises other IPv4 spellings first: 2130706433 = 127 × 2²⁴ + 1.
    expect(loopbackHost('http://2130706433/')).toBe('127.0.0.1');
    expect(loopbackHost('http://0x7f.1/')).toBe('127.0.0.1');
  });
  it('leaves addresses the room can reach alone', () => {
    for (const url of [
      'https://example.com/tools/memory',
      'http://192.168.1.20:3000/',
      'http://10.0.0.5/',
      'http://128.0.0.1/',
      'http://localhost.example.com/', // a real domain that starts with "localhost"
      'http://[::2]/',
      'not a url',
      '',
    ]) {
      expect(loopbackHost(url), url).toBeNull();
    }
  });
  it('never throws, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const h = loopbackHost(s);
        expect(h === null || typeof h === 'string').toBe(true);
      }),
    );
  });
});
