import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POOLS, type Pool } from '../enums';
import { FORWARD_MOVES } from './gates';
import { MOVE_KINDS, isEndPool, moveKind, needsReason, possibleMoves } from './pools';

const pool = fc.constantFrom(...POOLS);
const openPool = fc.constantFrom(...POOLS.filter((p) => !isEndPool(p)));

describe('the pool lifecycle', () => {
  it('answers the moves DOMAIN.md describes', () => {
    expect(moveKind('planning', 'advancing')).toBe('forward');
    expect(moveKind('planning', 'implementing')).toBeNull();
    expect(moveKind('implementing', 'planning')).toBe('back');
    expect(moveKind('advancing', 'withdrawn')).toBe('withdraw');
    expect(moveKind('completed', 'withdrawn')).toBeNull();
    expect(moveKind('completed', 'implementing')).toBe('back');
    expect(moveKind('withdrawn', 'advancing')).toBe('back');
    expect(moveKind('withdrawn', 'completed')).toBeNull();
    expect(moveKind('advancing', 'advancing')).toBeNull();
  });

  it('lists the possible moves forward first', () => {
    expect(possibleMoves('implementing')).toEqual([
      { to: 'completed', kind: 'forward' },
      { to: 'planning', kind: 'back' },
      { to: 'advancing', kind: 'back' },
      { to: 'withdrawn', kind: 'withdraw' },
    ]);
    expect(possibleMoves('completed').map((m) => m.to)).toEqual(['planning', 'advancing', 'implementing']);
  });

  it('moves forward only through a gate, one pool at a time', () => {
    fc.assert(
      fc.property(pool, pool, (from, to) => {
        expect(moveKind(from, to) === 'forward').toBe(FORWARD_MOVES.includes(`${from}->${to}`));
      }),
    );
  });

  it('never moves forward or out of an end state', () => {
    fc.assert(
      fc.property(pool, (from) => {
        const kinds = possibleMoves(from).map((m) => m.kind);
        if (isEndPool(from)) expect(kinds.every((kind) => kind === 'back')).toBe(true);
      }),
    );
  });

  it('withdraws from every open pool, and takes back every forward move', () => {
    fc.assert(
      fc.property(openPool, (from) => {
        expect(moveKind(from, 'withdrawn')).toBe('withdraw');
        for (const { to, kind } of possibleMoves(from)) if (kind === 'forward') expect(moveKind(to, from)).toBe('back');
      }),
    );
  });

  it('offers exactly the moves that have a kind, forward first and withdrawal last', () => {
    fc.assert(
      fc.property(pool, (from) => {
        const moves = possibleMoves(from);
        expect(moves.map((m) => m.to).sort()).toEqual(POOLS.filter((to) => moveKind(from, to) !== null).sort());
        const ranks = moves.map((m) => MOVE_KINDS.indexOf(m.kind));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        for (const { to, kind } of moves) expect(moveKind(from, to)).toBe(kind);
      }),
    );
  });

  it('asks a reason for every move but a forward one', () => {
    fc.assert(
      fc.property(pool, pool, (from, to) => {
        const kind = moveKind(from, to);
        if (kind) expect(needsReason(kind)).toBe(kind !== 'forward');
      }),
    );
  });

  it('leads from planning through every gate to completion', () => {
    let at: Pool = 'planning';
    for (const move of FORWARD_MOVES) {
      expect(move.startsWith(`${at}->`)).toBe(true);
      at = possibleMoves(at).find((m) => m.kind === 'forward')?.to ?? at;
    }
    expect(at).toBe('completed');
  });

  it('strands no project: every pool can be reached from every other by allowed moves', () => {
    const reachable = (from: Pool) => {
      const seen = new Set<Pool>([from]);
      for (const at of seen) for (const { to } of possibleMoves(at)) seen.add(to);
      return seen;
    };
    fc.assert(
      fc.property(pool, pool, (from, to) => {
        expect(reachable(from).has(to)).toBe(true);
      }),
    );
  });
});
