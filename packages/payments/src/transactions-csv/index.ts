/**
 * @module transactions-csv
 * Transactions files (payments, invoices, shipments) as CSV, read into a core `TransactionTable`.
 */
export * from './read-transactions-csv.js';
