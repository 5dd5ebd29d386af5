import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { sealSecrets, unsealSecrets } from 'src/common/idempotency/sealed-fields';

describe('sealed fields of stored responses', () => {
  const cipher = new PiiCipher({ piiEncryptionKeys: [{ id: 'k1', key: Buffer.alloc(32, 7) }] });

  it('encrypts secrets at any depth, leaves the rest, and restores them exactly', () => {
    const body = {
      migrantId: 'm-1',
      accessCode: 'K7M2QX4P',
      kiosk: { id: 'k-1', token: 'kiosk_abc' },
      items: [{ accessToken: 'jwt.value' }, { note: 'accessCode' }],
      empty: null,
      at: new Date('2026-12-07T10:00:00Z'),
    };
    const sealed = sealSecrets(body, cipher);
    const text = JSON.stringify(sealed);
    for (const secret of ['K7M2QX4P', 'kiosk_abc', 'jwt.value']) expect(text).not.toContain(secret);
    expect(text).toContain('m-1');
    expect(unsealSecrets(JSON.parse(text), cipher)).toEqual({ ...body, at: '2026-12-07T10:00:00.000Z' });
    expect((sealed as { at: unknown }).at).toBe(body.at);
  });

  it('leaves a body without secrets, and a null secret, as it is', () => {
    expect(sealSecrets({ id: 1, accessCode: null }, cipher)).toEqual({ id: 1, accessCode: null });
    expect(unsealSecrets('text', cipher)).toBe('text');
  });
});
