import { Field, formValues } from '../../shared/Field';
import { Message } from '../components/Message';
import { signIn, switchTo, tr } from '../state';

export function Login() {
  return (
    <main>
      <h2>{tr('login')}</h2>
      <Message />
      <form
        aria-label={tr('login')}
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          void signIn(v.email, v.password);
        }}
      >
        <Field label={tr('email')} name="email" type="email" autocomplete="username" required />
        <Field
          label={tr('password')}
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <button type="submit">{tr('signIn')}</button>
      </form>
      <p>
        {tr('noAccount')}{' '}
        <button type="button" class="link" onClick={() => switchTo('register')}>
          {tr('register')}
        </button>
      </p>
    </main>
  );
}
