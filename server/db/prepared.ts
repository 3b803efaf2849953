import type { Executor } from './client';

let named = true;

/**
 * From now on statements are prepared unnamed: the process talks to PostgreSQL through a pooler in transaction mode
 * (PgBouncer before 1.21), whose next transaction may run on another server connection that never saw the name.
 */
export function nameNoStatements() {
  named = false;
}

/** The name to prepare a statement under: `name`, or none (an unnamed statement) behind a transaction pooler. */
export const statementName = (name: string) => (named ? name : '');

/**
 * A statement every request runs (the session and the acting user), built once per database instead of once per
 * request: Drizzle's building of the SQL text cost more CPU than the query itself (bench/list-ceiling.ts), and on
 * PostgreSQL the named statement is parsed and planned once per connection. `build` must use placeholders
 * (`sql.placeholder`) for every value and `.prepare(statementName(name))` with a name no other statement uses.
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
