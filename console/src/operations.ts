import { gql } from '@apollo/client';
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

/**
 * Every operation the console sends, parsed from its file in operations/, the same files
 * test/consoleOperations.test.ts validates against the supergraph's API schema.
 */
export const operations = {
  AssociateContacts: gql(AssociateContacts),
  BillingOfTicket: gql(BillingOfTicket),
  BooksOfAccount: gql(BooksOfAccount),
  ConsoleViewer: gql(ConsoleViewer),
  CreateInventorySalesOrder: gql(CreateInventorySalesOrder),
  CreateTicket: gql(CreateTicket),
  DeskSyncRun: gql(DeskSyncRun),
  InventoryAccess: gql(InventoryAccess),
  InventoryItems: gql(InventoryItems),
  InventoryOfTicket: gql(InventoryOfTicket),
  NewTicketForm: gql(NewTicketForm),
  ProjectsOfAccount: gql(ProjectsOfAccount),
  SearchAccounts: gql(SearchAccounts),
  SearchContacts: gql(SearchContacts),
  SendInventoryInvoice: gql(SendInventoryInvoice),
  StartAssociationImport: gql(StartAssociationImport),
  TicketByNumber: gql(TicketByNumber),
  TicketDetail: gql(TicketDetail),
  TicketList: gql(TicketList),
};
