import { type FormEvent, useState } from 'react';
import { demoSignIn } from '../session';
import { ErrorMessage } from './ErrorMessage';

/** The demo agents `npm start` seeds (README, Tokens and demo agents). */
const DEMO_AGENTS = [
  'agent@demo.customer-graph.dev',
  'new.agent@demo.customer-graph.dev',
  'light.agent@demo.customer-graph.dev',
  'admin@demo.customer-graph.dev',
];

/**
 * In development, a demo agent signs in by e-mail (the gateway signs the token); anywhere, an
 * agent may paste a token they already have (`npm run token`, or the real sign-in's).
 */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [email, setEmail] = useState(DEMO_AGENTS[0]);
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const signInAsDemoAgent = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await demoSignIn(email));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const useToken = (event: FormEvent) => {
    event.preventDefault();
    const pasted = token.trim().replace(/^Bearer\s+/i, '');
    if (pasted) onSignedIn(pasted);
  };

  return (
    <main className="sign-in">
      <h1>Agent console</h1>
      <form onSubmit={signInAsDemoAgent} aria-label="Demo sign-in">
        <h2>Sign in as a demo agent</h2>
        <label>
          E-mail
          <input
            name="email"
            type="email"
            list="demo-agents"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
          />
        </label>
        <datalist id="demo-agents">
          {DEMO_AGENTS.map((address) => (
            <option key={address} value={address} />
          ))}
        </datalist>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <ErrorMessage error={error} />
      </form>
      <form onSubmit={useToken} aria-label="Token sign-in">
        <h2>Or use a token</h2>
        <label>
          Token
          <textarea name="token" value={token} onChange={(event) => setToken(event.target.value)} />
        </label>
        <button type="submit">Use token</button>
      </form>
    </main>
  );
}
