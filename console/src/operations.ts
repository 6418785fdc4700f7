import { gql, type TypedDocumentNode } from '@apollo/client';
import type * as Types from './generated/operations';
import AssociateContacts from './operations/AssociateContacts.graphql?raw';
import BillingOfTicket from './operations/BillingOfTicket.graphql?raw';
import BooksOfAccount from './operations/BooksOfAccount.graphql?raw';
import ConsoleViewer from './operations/ConsoleViewer.graphql?raw';
import CreateInventorySalesOrder from './operations/CreateInventorySalesOrder.graphql?raw';
import CreateTicket from './operations/CreateTicket.graphql?raw';
import DeskSyncRun from './operations/DeskSyncRun.graphql?raw';
import InventoryAccess from './operations/InventoryAccess.graphql?raw';
import InventoryItems from './operations/InventoryItems.graphql?raw';
import InventoryOfTicket from './operations/InventoryOfTicket.graphql?raw';
import NewTicketForm from './operations/NewTicketForm.graphql?raw';
import ProjectsOfAccount from './operations/ProjectsOfAccount.graphql?raw';
import SearchAccounts from './operations/SearchAccounts.graphql?raw';
import SearchContacts from './operations/SearchContacts.graphql?raw';
import SendInventoryInvoice from './operations/SendInventoryInvoice.graphql?raw';
import StartAssociationImport from './operations/StartAssociationImport.graphql?raw';
import TicketByNumber from './operations/TicketByNumber.graphql?raw';
import TicketDetail from './operations/TicketDetail.graphql?raw';
import TicketList from './operations/TicketList.graphql?raw';

/** An operation's text, parsed, with the types codegen made for its answer and variables. */
function typed<Result, Variables>(source: string): TypedDocumentNode<Result, Variables> {
  return gql(source) as TypedDocumentNode<Result, Variables>;
}

/**
 * Every operation the console sends, parsed from its file in operations/, the same files
 * test/consoleOperations.test.ts validates against the supergraph's API schema.
 */
export const operations = {
  AssociateContacts: typed<
    Types.AssociateContactsMutation,
    Types.AssociateContactsMutationVariables
  >(AssociateContacts),
  BillingOfTicket: typed<Types.BillingOfTicketQuery, Types.BillingOfTicketQueryVariables>(
    BillingOfTicket,
  ),
  BooksOfAccount: typed<Types.BooksOfAccountQuery, Types.BooksOfAccountQueryVariables>(
    BooksOfAccount,
  ),
  ConsoleViewer: typed<Types.ConsoleViewerQuery, Types.ConsoleViewerQueryVariables>(ConsoleViewer),
  CreateInventorySalesOrder: typed<
    Types.CreateInventorySalesOrderMutation,
    Types.CreateInventorySalesOrderMutationVariables
  >(CreateInventorySalesOrder),
  CreateTicket: typed<Types.CreateTicketMutation, Types.CreateTicketMutationVariables>(
    CreateTicket,
  ),
  DeskSyncRun: typed<Types.DeskSyncRunQuery, Types.DeskSyncRunQueryVariables>(DeskSyncRun),
  InventoryAccess: typed<Types.InventoryAccessQuery, Types.InventoryAccessQueryVariables>(
    InventoryAccess,
  ),
  InventoryItems: typed<Types.InventoryItemsQuery, Types.InventoryItemsQueryVariables>(
    InventoryItems,
  ),
  InventoryOfTicket: typed<Types.InventoryOfTicketQuery, Types.InventoryOfTicketQueryVariables>(
    InventoryOfTicket,
  ),
  NewTicketForm: typed<Types.NewTicketFormQuery, Types.NewTicketFormQueryVariables>(NewTicketForm),
  ProjectsOfAccount: typed<Types.ProjectsOfAccountQuery, Types.ProjectsOfAccountQueryVariables>(
    ProjectsOfAccount,
  ),
  SearchAccounts: typed<Types.SearchAccountsQuery, Types.SearchAccountsQueryVariables>(
    SearchAccounts,
  ),
  SearchContacts: typed<Types.SearchContactsQuery, Types.SearchContactsQueryVariables>(
    SearchContacts,
  ),
  SendInventoryInvoice: typed<
    Types.SendInventoryInvoiceMutation,
    Types.SendInventoryInvoiceMutationVariables
  >(SendInventoryInvoice),
  StartAssociationImport: typed<
    Types.StartAssociationImportMutation,
    Types.StartAssociationImportMutationVariables
  >(StartAssociationImport),
  TicketByNumber: typed<Types.TicketByNumberQuery, Types.TicketByNumberQueryVariables>(
    TicketByNumber,
  ),
  TicketDetail: typed<Types.TicketDetailQuery, Types.TicketDetailQueryVariables>(TicketDetail),
  TicketList: typed<Types.TicketListQuery, Types.TicketListQueryVariables>(TicketList),
};
