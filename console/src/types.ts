/**
 * The shapes of the operations' answers, as the files in operations/ ask for them (those files
 * are what the test suite checks against the supergraph).
 */

export interface Page<T> {
  totalCount: number;
  nodes: T[];
}

export type DocumentAccess =
  'OFF' | 'VIEW' | 'VIEW_SEND' | 'VIEW_CREATE_EDIT' | 'VIEW_SEND_CREATE_EDIT';

export interface ConsoleViewerData {
  viewer: {
    id: string;
    name: string;
    email: string;
    profile: {
      id: string;
      name: string;
      isAdministrator: boolean;
      permissions: { module: string; view: boolean; create: boolean; edit: boolean }[];
    };
  };
}

export interface InventoryAccessData {
  inventoryIntegration: {
    status: string;
    viewerPermissions: { view: boolean; salesOrders: DocumentAccess; invoices: DocumentAccess };
  };
}

export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  createdAt: string;
  contact: { id: string; name: string };
  account: { id: string; name: string } | null;
}

export interface TicketListData {
  tickets: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: TicketSummary[];
  };
}

export interface ContactSummary {
  id: string;
  name: string;
  email: string;
}

export interface AccountMember {
  isPrimary: boolean;
  contact: ContactSummary;
}

export interface TicketDetailData {
  ticket: {
    id: string;
    number: number;
    subject: string;
    description: string | null;
    status: string;
    priority: string;
    channel: string;
    createdAt: string;
    department: { id: string; name: string };
    assignee: { id: string; name: string } | null;
    contact: ContactSummary & { phone: string | null };
    account: {
      id: string;
      name: string;
      website: string | null;
      industry: string | null;
      city: string | null;
      country: string | null;
      contacts: Page<AccountMember>;
    } | null;
  } | null;
}

export interface Address {
  street: string;
  city: string;
  zip?: string | null;
  country: string;
}

export interface InventorySalesOrder {
  id: string;
  number: string;
  orderedOn: string;
  status: string;
  shipmentStatus: string;
  invoicedStatus: string;
  total: number;
  currency: string;
  lineItems: {
    item: { id: string; name: string };
    quantity: number;
    rate: number;
    amount: number;
  }[];
  returns: {
    number: string;
    lineItems: { item: { id: string; name: string }; quantity: number }[];
  }[];
}

export interface InventoryInvoice {
  id: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  status: string;
  total: number;
  balanceDue: number;
  currency: string;
}

export interface InventoryPanel {
  customers: {
    id: string;
    name: string;
    email: string;
    billingAddress: Address | null;
    shippingAddress: Address | null;
  }[];
  overview: {
    recentShipments: {
      id: string;
      number: string;
      carrier: string | null;
      trackingNumber: string | null;
      deliveryStatus: string;
      shippedAt: string | null;
    }[];
    itemsBought: {
      item: { id: string; sku: string; name: string };
      quantity: number;
      amount: number;
      lastOrderedOn: string;
    }[];
  };
  activity: { nodes: { id: string; kind: string; occurredAt: string; summary: string }[] };
  salesOrders: Page<InventorySalesOrder>;
  invoices: Page<InventoryInvoice>;
}

export interface InventoryOfTicketData {
  ticket: { id: string; inventory: InventoryPanel | null } | null;
}

export type Scope = 'THIS_TICKET' | 'ALL_OF_CONTACT';

export interface InventoryItemsData {
  inventoryItems: { nodes: { id: string; sku: string; name: string; rate: number }[] };
}

export interface BillingOverview {
  unusedCredits: number;
  creditBalance: number;
  outstanding: number;
  currency: string;
}

export interface BillingSubscription {
  id: string;
  number: string;
  status: string;
  quantity?: number;
  amount: number;
  currency: string;
  nextRenewalOn?: string | null;
  plan: { id: string; name: string; interval?: string };
  invoices?: { id: string; number: string; status: string }[];
}

export interface BillingOfTicketData {
  ticket: {
    id: string;
    billing: {
      overview: BillingOverview & {
        customers: {
          id: string;
          name: string;
          email: string;
          billingAddress: Address | null;
        }[];
      };
      subscriptions: { nodes: BillingSubscription[] };
      invoices: Page<{
        id: string;
        number: string;
        issuedOn: string;
        status: string;
        total: number;
        amountPaid: number;
        balanceDue: number;
        currency: string;
      }>;
    } | null;
  } | null;
}

export interface BooksOfAccountData {
  account: {
    id: string;
    books: {
      contact: { id: string; name: string; currency: string } | null;
      receivables: { outstanding: number; unusedCredits: number; currency: string } | null;
      transactions: Page<{
        id: string;
        kind: string;
        number: string;
        date: string;
        status: string;
        total: number;
        currency: string;
        pdfUrl: string;
      }>;
    } | null;
  } | null;
}

export interface ProjectsOfAccountData {
  account: {
    id: string;
    projects: Page<{
      id: string;
      key: string;
      name: string;
      status: string;
      endDate: string;
      progress: {
        openTasks: number;
        closedTasks: number;
        totalTasks: number;
        percentComplete: number | null;
      };
    }>;
  } | null;
}

export type SyncRunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';

export interface DeskSyncRunData {
  deskSyncRun: {
    id: string;
    status: SyncRunStatus;
    error: string | null;
    fileName: string | null;
    progress: { processed: number; total: number | null; percent: number | null };
    counts: { added: number; updated: number; unchanged: number; failed: number };
    failures: Page<{ record: string; reason: string }>;
  } | null;
}

export interface NewTicketFormData {
  newTicketForm: {
    account: { id: string; name: string };
    contacts: (ContactSummary & {
      billing: {
        overview: BillingOverview;
        subscriptions: { nodes: BillingSubscription[] };
      } | null;
    })[];
  };
  departments: { id: string; name: string }[];
}
