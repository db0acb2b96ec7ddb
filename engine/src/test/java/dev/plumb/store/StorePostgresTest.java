package dev.plumb.store;

import dev.plumb.testing.PostgresServer;

/**
 * The store contract on PostgreSQL: a fresh schema per test, on the server {@link PostgresServer}
 * starts (skipped with the reason when there is none, unless PostgreSQL is required).
 */
class StorePostgresTest extends StoreContractTest {
  @Override
  StoreLocation freshLocation() {
    return StoreLocation.parse(PostgresServer.freshSchemaUrl("store"));
  }
}
