import { Graph, startGraph } from './harness';

const TICKETS_WITH_CUSTOMER = /* GraphQL */ `
  query Tickets($first: Int!, $contactId: ID!) {
    tickets(first: $first, filter: { contactId: $contactId }) {
      nodes {
        number
        department {
          name
        }
        assignee {
          name
        }
        contact {
          name
          primaryAccount {
            name
          }
        }
        account {
          name
          contacts(first: 5) {
            nodes {
              contact {
                email
              }
            }
          }
        }
        products {
          code
        }
      }
    }
  }
`;

const ACCOUNTS_WITH_LISTS = /* GraphQL */ `
  query Accounts($first: Int!, $search: String!) {
    accounts(first: $first, search: $search) {
      nodes {
        name
        contacts(first: 3) {
          totalCount
          nodes {
            isPrimary
            contact {
              name
              tickets(first: 2) {
                nodes {
                  number
                }
              }
            }
          }
        }
        tickets(first: 3) {
          totalCount
          nodes {
            subject
            contact {
              email
            }
          }
        }
        deals(first: 2) {
          nodes {
            name
            stage {
              name
            }
            owner {
              name
            }
          }
        }
      }
    }
  }
`;

/**
 * Every list item here has every relation filled (account, assignee, products, contacts,
 * tickets, deals), so each loader runs for the short list as for the long one and the counts
 * compare like with like whatever other tests have added to the database.
 */
describe('batching: SQL statements per request do not grow with list length', () => {
  let graph: Graph;
  const prefix = `Batching ${Date.now()}`;
  let contactId: string;

  async function run<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await graph.query<T>('admin', query, variables);
    expect(res.errors).toBeUndefined();
    return res.data as T;
  }

  beforeAll(async () => {
    graph = await startGraph();
    const catalogue = await run<{
      departments: { id: string }[];
      products: { nodes: { id: string }[] };
      dealStages: { id: string }[];
    }>('{ departments { id } products(first: 2) { nodes { id } } dealStages { id } }', {});
    const productIds = catalogue.products.nodes.map((p) => p.id);
    for (let i = 0; i < 10; i += 1) {
      const { createAccount } = await run<{ createAccount: { id: string } }>(
        'mutation($name: String!) { createAccount(input: { name: $name }) { id } }',
        { name: `${prefix} account ${i}` },
      );
      const { createContact } = await run<{ createContact: { id: string } }>(
        `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`,
        {
          input: {
            firstName: 'Batch',
            lastName: `Contact ${i}`,
            email: `batch-${i}-${Date.now()}@example.test`,
            primaryAccountId: createAccount.id,
          },
        },
      );
      contactId ??= createContact.id;
      await run('mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }', {
        input: { name: `${prefix} deal ${i}`, accountId: createAccount.id, amount: 100 },
      });
      const tickets = i === 0 ? 50 : 1;
      for (let t = 0; t < tickets; t += 1) {
        await run('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', {
          input: {
            subject: `${prefix} ticket ${t}`,
            contactId: createContact.id,
            departmentId: catalogue.departments[0].id,
            assigneeId: graph.agentIds.agent,
            productIds,
          },
        });
      }
    }
  });
  afterAll(() => graph.stop());

  async function statementsFor(
    query: string,
    variables: Record<string, unknown> & { first: number },
  ): Promise<number> {
    return graph.countStatements('desk', async () => {
      const data = await run<Record<string, { nodes: unknown[] }>>(query, variables);
      expect(Object.values(data)[0].nodes).toHaveLength(variables.first);
    });
  }

  it('50 tickets with contact, account and nested lists cost what 5 do', async () => {
    const five = await statementsFor(TICKETS_WITH_CUSTOMER, { first: 5, contactId });
    const fifty = await statementsFor(TICKETS_WITH_CUSTOMER, { first: 50, contactId });
    expect(fifty).toBe(five);
    // viewer (3), the page, then one per loader: department, agent, contact, links, account,
    // account contacts page, products by ticket, products.
    expect(five).toBeGreaterThan(5);
    expect(five).toBeLessThanOrEqual(14);
  });

  it('accounts with paginated nested lists and counts cost the same for 2 or 10 accounts', async () => {
    const two = await statementsFor(ACCOUNTS_WITH_LISTS, { first: 2, search: prefix });
    const ten = await statementsFor(ACCOUNTS_WITH_LISTS, { first: 10, search: prefix });
    expect(ten).toBe(two);
  });
});
