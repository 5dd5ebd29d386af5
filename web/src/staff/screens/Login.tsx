import { Field, formValues } from '../../shared/Field';
import { message, signIn } from '../state';

export function Login() {
  const m = message.value;
  return (
    <main>
      <h1>Консоль службы занятости</h1>
      {m ? (
        <p class="error" role="alert">
          {m.text}
        </p>
      ) : null}
      <form
        aria-label="Вход"
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          void signIn(v.email, v.password);
        }}
      >
        <Field label="Электронная почта" name="email" type="email" autocomplete="username" required />
        <Field label="Пароль" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Войти</button>
      </form>
    </main>
  );
}
