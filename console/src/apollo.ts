import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GRAPHQL_URL } from './gateway';

/** One client per signed-in agent: signing out drops its cache with it. */
export function createClient(token: string): ApolloClient {
  const auth = new SetContextLink(({ headers }) => ({
    headers: { ...headers, authorization: `Bearer ${token}` },
  }));
  return new ApolloClient({
    link: auth.concat(new HttpLink({ uri: GRAPHQL_URL })),
    cache: new InMemoryCache({
      // Panels have no id of their own: each belongs to the ticket or account that holds it.
      typePolicies: {
        InventoryPanel: { keyFields: false },
        BillingPanel: { keyFields: false },
        BooksPanel: { keyFields: false },
      },
    }),
  });
}
