import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** What each refusal the graph sends (extensions.code) means to an agent. */
const REFUSALS: Record<string, string> = {
  FORBIDDEN: 'Not allowed',
  BAD_USER_INPUT: 'Please check the input',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  UNAUTHENTICATED: 'Your session has ended; sign in again',
  SUBGRAPH_UNAVAILABLE: 'A service is unavailable',
};

function linesOf(error: unknown): string[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const code = String(e.extensions?.code ?? '');
      const heading = REFUSALS[code];
      return heading ? `${heading}: ${e.message}` : e.message;
    });
  }
  if (ServerError.is(error)) {
    return error.statusCode === 401
      ? [REFUSALS.UNAUTHENTICATED]
      : [`The gateway answered ${error.statusCode}`];
  }
  if (error instanceof Error) return [error.message];
  return ['Something went wrong'];
}

/** A refusal or failure, as a sentence an agent can act on. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  // A refused field on every row of a list is one refusal to the reader.
  const lines = [...new Set(linesOf(error))];
  return (
    <div role="alert" className="error">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
