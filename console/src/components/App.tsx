import { useMemo, useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { createClient } from '../apollo';
import { storedToken, storeToken } from '../session';
import { Console } from './Console';
import { SignIn } from './SignIn';

/** Signed out, the sign-in page; signed in, the console with a client carrying the agent's token. */
export function App() {
  const [token, setToken] = useState(storedToken);
  const client = useMemo(() => (token ? createClient(token) : null), [token]);
  const signIn = (next: string | null) => {
    storeToken(next);
    setToken(next);
  };
  if (!client) return <SignIn onSignedIn={signIn} />;
  return (
    <ApolloProvider client={client}>
      <Console onSignOut={() => signIn(null)} />
    </ApolloProvider>
  );
}
