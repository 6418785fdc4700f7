import { DEMO_SIGN_IN_URL } from './gateway';

/**
 * The signed-in agent's JWT, kept for this browser tab only: closing the tab signs out, and no
 * other site's page can read it.
 */
const TOKEN_KEY = 'customer-graph.console.token';

export function storedToken(): string | null {
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
  else window.sessionStorage.removeItem(TOKEN_KEY);
}

interface DemoSignInAnswer {
  token?: string;
  error?: { code: string; message: string };
}

/** Development only: the gateway signs a token for a demo agent given by e-mail. */
export async function demoSignIn(email: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(DEMO_SIGN_IN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
  } catch {
    throw new Error('The gateway cannot be reached');
  }
  if (response.status === 404 && !response.headers.get('content-type')?.includes('json')) {
    throw new Error('This gateway does not offer the demo sign-in (it is for development only)');
  }
  const answer = (await response.json()) as DemoSignInAnswer;
  if (!response.ok || !answer.token) {
    throw new Error(answer.error?.message ?? `The gateway answered ${response.status}`);
  }
  return answer.token;
}
