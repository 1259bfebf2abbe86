// The demo's published passwords, hashed once with `hashPassword` when they were chosen. Hashing is
// asynchronous while the demo is written in one synchronous run of channel calls, and these passwords
// are public anyway (README), so a fixed salt hides nothing.
import { DEMO_TECHNICIAN_PASSWORD } from './demo';

export const DEMO_ADMIN = { username: 'admin', password: 'admin' } as const;

const hashes: Record<string, string> = {
  [DEMO_ADMIN.password]: 'scrypt$32768$8$1$6aM31KqakqIwoy4TlKVcwg==$oL7g5frQYR1HC0/vjT09kgzPGxtUxeFK2efuzQLFsVo=',
  [DEMO_TECHNICIAN_PASSWORD]: 'scrypt$32768$8$1$MGmIFJrfGenXLmJUBuasAw==$QDkH74dW8vlBq3Rzx9SdURdPgW9Px3IN14TJLFcx2Us=',
};

export function demoPasswordHash(password: string): string {
  const hash = hashes[password];
  if (!hash) throw new Error('demo: a demo user needs one of the published demo passwords');
  return hash;
}
