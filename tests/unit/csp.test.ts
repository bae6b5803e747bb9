import { describe, expect, it } from 'vitest';
import { cspHash } from '../../src/lib/csp.ts';

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact text, as browsers compute it', () => {
    // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    expect(cspHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
    expect(cspHash('alert(1) ')).not.toBe(cspHash('alert(1)'));
  });
});

