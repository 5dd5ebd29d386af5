import { Field, formValues } from '../../shared/Field';
import { Message } from '../components/Message';
import { prefill, signIn, switchTo, tr } from '../state';

/** Sign in with the phone and a password, or the access code the kiosk gave. */
export function Login() {
  const given = prefill.value;
  return (
    <main>
      <p class="notice">{tr('noFee')}</p>
      <h2>{tr('loginTitle')}</h2>
      <Message />
      <form
        aria-label={tr('loginTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          void signIn(v.phone, v.password || undefined, v.accessCode || undefined);
        }}
      >
        <Field
          label={tr('phone')}
          name="phone"
          type="tel"
          autocomplete="tel"
          required
          defaultValue={given.phone ?? ''}
        />
        <Field label={tr('password')} name="password" type="password" autocomplete="current-password" />
        <Field
          label={tr('codeInstead')}
          name="accessCode"
          autocomplete="one-time-code"
          pattern="[A-Za-z0-9]{4,12}"
          defaultValue={given.code ?? ''}
        />
        <button type="submit">{tr('signIn')}</button>
      </form>
      <p>
        {tr('noAccount')}{' '}
        <button type="button" class="link" onClick={() => switchTo('register')}>
          {tr('registerTitle')}
        </button>
      </p>
    </main>
  );
}
