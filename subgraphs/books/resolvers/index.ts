import { DateScalar, DateTime } from '../../../shared/graphql/scalars';
import type { Resolvers } from '../generated/resolvers';
import { Account } from './Account';
import { BooksContact } from './BooksContact';
import { BooksEstimate } from './BooksEstimate';
import { BooksIntegration } from './BooksIntegration';
import { BooksInvoice } from './BooksInvoice';
import { BooksLineItem } from './BooksLineItem';
import { BooksPayment } from './BooksPayment';
import { BooksPanel } from './BooksPanel';
import { BooksProfilePermissions } from './BooksProfilePermissions';
import { BooksSalesOrder } from './BooksSalesOrder';
import { BooksSyncRun } from './BooksSyncRun';
import { BooksTransaction } from './BooksTransaction';
import { Contact } from './Contact';
import { Deal } from './Deal';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const booksResolvers: Resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Account,
  Contact,
  Deal,
  BooksIntegration,
  BooksProfilePermissions,
  BooksPanel,
  BooksContact,
  BooksTransaction,
  BooksEstimate,
  BooksInvoice,
  BooksSalesOrder,
  BooksLineItem,
  BooksPayment,
  BooksSyncRun,
};
