// Preloaded into `lantu serve` by bench/list-ceiling.ts (node --import): appends every statement the server sends
// to the database — text, parameters, start and end — as one JSON line to LANTU_BENCH_SQL_LOG, so a bare route can
// run exactly the same SQL. Bench only: the server never loads it.
import { appendFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const file = process.env.LANTU_BENCH_SQL_LOG;

function record(text, params, start, name) {
  const end = performance.now();
  appendFileSync(file, `${JSON.stringify({ text, params: params ?? [], start, end, name })}\n`);
}

function wrap(owner, name, statementOf) {
  const original = owner[name];
  owner[name] = function capture(...args) {
    const start = performance.now();
    const { text, params, name } = statementOf(args.filter((arg) => typeof arg !== 'function'));
    // The callback form (a pool hands its client's query a callback): recorded when it is called.
    const callback = args.findIndex((arg) => typeof arg === 'function');
    if (callback >= 0) {
      const done = args[callback];
      args[callback] = (...results) => {
        record(text, params, start, name);
        return done(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof result.then === 'function') {
      return result.then((value) => {
        record(text, params, start, name);
        return value;
      });
    }
    return result;
  };
}

if (file) {
  // node-postgres: query(text, values) or query({ text, values, name }, values); a pool's query ends in a client's.
  // The name of a prepared statement is kept: the bare route prepares it too.
  wrap(pg.Client.prototype, 'query', ([first, second]) =>
    typeof first === 'string' ? { text: first, params: second } : { text: first?.text, params: second ?? first?.values, name: first?.name },
  );
  // PGlite: query(text, params, options), defined on a base class.
  let proto = PGlite.prototype;
  while (proto && !Object.hasOwn(proto, 'query')) proto = Object.getPrototypeOf(proto);
  if (proto) wrap(proto, 'query', ([text, params]) => ({ text, params }));
}
