import { safeError, safeMessage } from 'src/common/logging/safe-error';

describe('safeMessage', () => {
  it('blanks the recipient an SMTP refusal names, and phone numbers', () => {
    const refusal = new Error(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <aziz.karimov@example.uz>: Recipient address rejected",
    );
    expect(safeMessage(refusal)).toBe(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <[email]>: Recipient address rejected",
    );
    expect(safeMessage(new Error('SMS gateway refused +998 90 123-45-67 (quota)'))).toBe(
      'SMS gateway refused [number] (quota)',
    );
  });

  it('leaves ids alone', () => {
    const error = new Error('notification 12345678-1234-4abc-8def-123456789012 is not queued');
    expect(safeMessage(error)).toBe(error.message);
  });

  it('keeps what a programming error says', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'employerId')");
    expect(safeMessage(error)).toBe(error.message);
    expect(safeError(error)).toMatchObject({ type: 'TypeError', message: error.message });
  });

  it('blanks the quoted values of a database error, keeps its code and constraint', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "Aliyev"'), {
      code: '22P02',
      routine: 'string_to_uuid',
    });
    const error = Object.assign(new Error(driverError.message), {
      name: 'QueryFailedError',
      driverError,
      query: 'SELECT * FROM migrants WHERE id = $1',
      parameters: ['Aliyev'],
    });
    const safe = safeError(error);
    expect(safe).toMatchObject({
      type: 'QueryFailedError',
      code: '22P02',
      routine: 'string_to_uuid',
      message: 'invalid input syntax for type uuid: "…"',
      query: 'SELECT * FROM migrants WHERE id = $1',
    });
    expect(JSON.stringify(safe)).not.toContain('Aliyev');
  });
});
