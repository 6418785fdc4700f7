import { Graph, startGraph } from './harness';

const TICKETS_WITH_CUSTOMER = /* GraphQL */ `
  query Tickets($first: Int!) {
    tickets(first: $first) {
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
  query Accounts($first: Int!) {
    accounts(first: $first) {
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

describe('batching: SQL statements per request do not grow with list length', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  async function statementsFor(query: string, first: number): Promise<number> {
    return graph.countStatements('desk', async () => {
      const res = await graph.query('admin', query, { first });
      expect(res.errors).toBeUndefined();
      const list = Object.values(res.data ?? {})[0] as { nodes: unknown[] };
      expect(list.nodes).toHaveLength(first);
    });
  }

  it('50 tickets with contact, account and nested lists cost what 5 do', async () => {
    const five = await statementsFor(TICKETS_WITH_CUSTOMER, 5);
    const fifty = await statementsFor(TICKETS_WITH_CUSTOMER, 50);
    expect(fifty).toBe(five);
    // viewer (3) + page + department, agent, contact, links, account, contact links + contacts, products (2)
    expect(five).toBeGreaterThan(5);
    expect(five).toBeLessThanOrEqual(14);
  });

  it('accounts with paginated nested lists and counts cost the same for 2 or 10 accounts', async () => {
    const two = await statementsFor(ACCOUNTS_WITH_LISTS, 2);
    const ten = await statementsFor(ACCOUNTS_WITH_LISTS, 10);
    expect(ten).toBe(two);
  });
});
