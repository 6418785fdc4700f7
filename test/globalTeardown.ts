import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  let othersRunning = false;
  if (adminUrl) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${process.env.TEST_DATABASE_NAME} WITH (FORCE)`);
    const others = await admin.query(
      "SELECT 1 FROM pg_database WHERE datname LIKE 'customer_graph_test_%'",
    );
    othersRunning = (others.rowCount ?? 0) > 0;
    await admin.end();
  }
  // Another run that reused this embedded server is still using it; the last one out stops it.
  if (!othersRunning) {
    await (globalThis as { stopTestPostgres?: () => Promise<void> }).stopTestPostgres?.();
  }
}
