import { isDeepStrictEqual } from 'node:util';
import type { HttpResponse, HttpSession } from './http-session';

/** Every project the crash harness creates or edits has a name starting with this, so the checks can find them. */
export const MARK = '崩溃测试';
/** The year the harness plans investment for: no demo plan uses it. */
export const CRASH_YEAR = 2031;

/** The server answered, and not with success: a real failure (only a dropped connection may go unacknowledged). */
export class RefusedWrite extends Error {}

/** What each stream saw over a run: writes acknowledged, and writes in flight at a kill that did or did not land. */
export type StreamCounts = { acknowledged: number; inFlightLanded: number; inFlightLost: number };

/**
 * A sequence of writes to one record by one client, one at a time. It remembers what the server acknowledged and
 * what was in flight, and after a restart checks that the record holds one of the two — never anything else.
 */
export type WriteStream = { name: string; counts: StreamCounts; step: () => Promise<void>; verify: () => Promise<void> };

type Next<S> = { expected: S; send: () => Promise<HttpResponse> };

const acknowledged = (response: HttpResponse, what: string) => {
  if (response.status < 200 || response.status > 299) {
    throw new RefusedWrite(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response;
};

/** A stream over a record whose whole relevant state can be read back and compared. */
function stateStream<S>(name: string, initial: S, read: () => Promise<S>, next: (acked: S, n: number) => Next<S>): WriteStream {
  let acked = initial;
  let inFlight: S | null = null;
  let n = 0;
  const counts: StreamCounts = { acknowledged: 0, inFlightLanded: 0, inFlightLost: 0 };
  return {
    name,
    counts,
    step: async () => {
      n += 1;
      const { expected, send } = next(acked, n);
      inFlight = expected;
      acknowledged(await send(), name);
      acked = expected;
      inFlight = null;
      counts.acknowledged += 1;
    },
    verify: async () => {
      const actual = await read();
      if (isDeepStrictEqual(actual, acked)) {
        if (inFlight) counts.inFlightLost += 1;
      } else if (inFlight && isDeepStrictEqual(actual, inFlight)) {
        counts.inFlightLanded += 1;
      } else {
        throw new Error(
          `${name}: the server holds ${JSON.stringify(actual)}, but acknowledged ${JSON.stringify(acked)}` +
            (inFlight ? ` with ${JSON.stringify(inFlight)} in flight` : ' with nothing in flight'),
        );
      }
      acked = actual;
      inFlight = null;
    },
  };
}

type ProjectState = { version: number; name: string; pool: string; totalInvestmentYuan: number | null };
const projectState = async (session: HttpSession, id: string): Promise<ProjectState> => {
  const p = await session.read<ProjectState>(`/api/v1/projects/${id}`);
  return { version: p.version, name: p.name, pool: p.pool, totalInvestmentYuan: p.totalInvestmentYuan };
};
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Edits a project's name and total investment with If-Match, as the project form does. */
export async function projectEdits(session: HttpSession, id: string, label: string): Promise<WriteStream> {
  return stateStream(
    label,
    await projectState(session, id),
    () => projectState(session, id),
    (acked, n) => {
      const expected = { ...acked, version: acked.version + 1, name: `${MARK}${label}第${n}次`, totalInvestmentYuan: n * 10_000 };
      const body = { name: expected.name, totalInvestmentYuan: expected.totalInvestmentYuan, version: acked.version };
      return { expected, send: () => session.request('PATCH', `/api/v1/projects/${id}`, body, ifMatch(acked.version)) };
    },
  );
}

/** Withdraws a planning-pool project and brings it back, again and again (each move with its reason). */
export async function poolMoves(session: HttpSession, id: string, label: string): Promise<WriteStream> {
  return stateStream(
    label,
    await projectState(session, id),
    () => projectState(session, id),
    (acked, n) => {
      const to = acked.pool === 'planning' ? 'withdrawn' : 'planning';
      const body = { to, reason: `${label}第${n}次`, version: acked.version };
      return {
        expected: { ...acked, version: acked.version + 1, pool: to },
        send: () => session.request('POST', `/api/v1/projects/${id}/move`, body, ifMatch(acked.version)),
      };
    },
  );
}

type PlanState = { version: number; milestones: string[] };
type PlanResponse = { version: number; milestones: { name: string }[] };

/** Saves a project's whole plan: a chain of three milestones, new each time. */
export async function planSaves(session: HttpSession, id: string, label: string): Promise<WriteStream> {
  const read = async (): Promise<PlanState> => {
    const plan = await session.read<PlanResponse>(`/api/v1/projects/${id}/plan`);
    return { version: plan.version, milestones: plan.milestones.map((m) => m.name) };
  };
  return stateStream(label, await read(), read, (acked, n) => {
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const milestones = ids.map((mid, k) => ({
      id: mid,
      name: `${label}第${n}次节点${k + 1}`,
      kind: k === 0 ? 'start' : k === 2 ? 'completion' : 'other',
      durationDays: 10 + n + k,
      predecessorIds: k === 0 ? [] : [ids[k - 1] as string],
    }));
    return {
      expected: { version: acked.version + 1, milestones: milestones.map((m) => m.name) },
      send: () => session.request('PUT', `/api/v1/projects/${id}/plan`, { version: acked.version, milestones }, ifMatch(acked.version)),
    };
  });
}

type AnnualState = { versionNo: number; plannedYuan: number; frozen: boolean };
type AnnualPlan = AnnualState & { id: string; version: number };
type AnnualList = { current: AnnualPlan | null };

/**
 * Saves a project's annual plan for CRASH_YEAR and now and then freezes it, so adjustments open new versions.
 * Each write names the version it is based on, as last read or acknowledged: the stream is the plan's only
 * writer, so a 409 would mean the server holds something the stream never saw.
 */
export async function annualPlanSaves(session: HttpSession, id: string, label: string): Promise<WriteStream> {
  const url = `/api/v1/projects/${id}/annual-plans`;
  let basis: { id: string; version: number } | null = null;
  const known = (plan: AnnualPlan | null) => {
    basis = plan && { id: plan.id, version: plan.version };
  };
  const read = async (): Promise<AnnualState> => {
    const c = (await session.read<AnnualList>(`${url}?year=${CRASH_YEAR}`)).current;
    known(c);
    return c ? { versionNo: c.versionNo, plannedYuan: c.plannedYuan, frozen: c.frozen } : { versionNo: 0, plannedYuan: 0, frozen: false };
  };
  /** Sends a write; an acknowledged one answers the version it wrote, the basis of the next. */
  const write = async (path: string, body: unknown) => {
    const response = await session.request('POST', path, body);
    if (response.status >= 200 && response.status < 300) known(response.body as AnnualPlan);
    return response;
  };
  return stateStream(label, await read(), read, (acked, n) => {
    const basedOn: { id: string; version: number } | null = basis;
    if (n % 4 === 0 && basedOn && !acked.frozen) {
      return { expected: { ...acked, frozen: true }, send: () => write(`${url}/${basedOn.id}/freeze`, { version: basedOn.version }) };
    }
    const plannedYuan = 1_200_000 + n * 12_000;
    const body = {
      year: CRASH_YEAR,
      plannedYuan,
      monthlyYuan: Array(12).fill(plannedYuan / 12),
      basedOn,
      ...(acked.frozen ? { reason: `${label}第${n}次调整` } : {}),
    };
    const versionNo = acked.frozen || acked.versionNo === 0 ? acked.versionNo + 1 : acked.versionNo;
    return { expected: { versionNo, plannedYuan, frozen: false }, send: () => write(url, body) };
  });
}

/** Creates new projects; after a restart every acknowledged one exists, and the one in flight may or may not. */
export function projectCreates(session: HttpSession, leadUnitId: string, label: string): WriteStream {
  let unchecked: { id: string; name: string }[] = [];
  let inFlight: string | null = null;
  let n = 0;
  const counts: StreamCounts = { acknowledged: 0, inFlightLanded: 0, inFlightLost: 0 };
  return {
    name: label,
    counts,
    step: async () => {
      n += 1;
      const name = `${MARK}${label}第${n}个`;
      inFlight = name;
      const response = acknowledged(await session.request('POST', '/api/v1/projects', { name, leadUnitId }), label);
      unchecked.push({ id: (response.body as { id: string }).id, name });
      inFlight = null;
      counts.acknowledged += 1;
    },
    verify: async () => {
      for (const { id, name } of unchecked) {
        const stored = await session.request('GET', `/api/v1/projects/${id}`);
        const storedName = (stored.body as { name?: string }).name;
        if (stored.status !== 200 || storedName !== name) {
          throw new Error(`${label}: acknowledged project ${name} (${id}) is missing after the restart: ${stored.status} ${storedName}`);
        }
      }
      unchecked = [];
      if (inFlight) {
        // Whether it landed or not, at most one such project exists; the database checks find it half-written if it is.
        const found = await session.read<{ items: { name: string }[] }>(`/api/v1/projects?q=${encodeURIComponent(inFlight)}`);
        const landed = found.items.filter((p) => p.name === inFlight).length;
        if (landed > 1) throw new Error(`${label}: ${inFlight} was created ${landed} times`);
        counts[landed ? 'inFlightLanded' : 'inFlightLost'] += 1;
      }
      inFlight = null;
    },
  };
}
