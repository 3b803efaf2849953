import type { Executor } from './client';

/**
 * A statement every request runs (the session and the acting user), built once per database instead of once per
 * request: Drizzle's building of the SQL text cost more CPU than the query itself (bench/list-ceiling.ts), and on
 * PostgreSQL the named statement is parsed and planned once per connection. `build` must use placeholders
 * (`sql.placeholder`) for every value and `.prepare(name)` with a name no other statement uses.
 */
export function preparedPerDatabase<P>(build: (db: Executor) => P): (db: Executor) => P {
  const built = new WeakMap<Executor, P>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
