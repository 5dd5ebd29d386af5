import { AccessCodeHasher } from 'src/common/crypto/access-code-hasher';

describe('AccessCodeHasher', () => {
  const hasher = new AccessCodeHasher({ jwtSecret: 'x'.repeat(40) });

  it('verifies the code it hashed, case-insensitively, and nothing else', () => {
    const stored = hasher.hash('K7M2QXRT');
    expect(stored).not.toContain('K7M2QXRT');
    expect(hasher.verify('K7M2QXRT', stored)).toBe(true);
    expect(hasher.verify('k7m2qxrt', stored)).toBe(true);
    expect(hasher.verify('K7M2QXRU', stored)).toBe(false);
    expect(hasher.verify('K7M2QXRT', null)).toBe(false);
  });

  it('depends on the server secret', () => {
    const other = new AccessCodeHasher({ jwtSecret: 'y'.repeat(40) });
    expect(other.verify('K7M2QXRT', hasher.hash('K7M2QXRT'))).toBe(false);
  });
});
