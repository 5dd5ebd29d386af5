import { ACCESS_CODE_ALPHABET, generateAccessCode } from 'src/modules/kiosk/access-code';

describe('kiosk access codes', () => {
  it('are 8 upper-case characters of the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateAccessCode();
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      for (const ch of code) expect(ACCESS_CODE_ALPHABET).toContain(ch);
      expect(code).not.toMatch(/[IL1O0]/);
    }
  });

  it('differ from one another', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateAccessCode));
    expect(codes.size).toBe(1000);
  });
});
