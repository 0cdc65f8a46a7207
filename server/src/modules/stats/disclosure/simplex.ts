/**
 * The range of each variable over { x : A x = b, x ≥ lower }, by the simplex method (two phases,
 * Bland's rule so degenerate pivots cannot cycle). Used by the attacker tests. Floating point is
 * exact here: a table's equations form a totally unimodular matrix, so every tableau entry stays a
 * small integer.
 */
export function variableRanges(
  a: readonly (readonly number[])[],
  b: readonly number[],
  variables: number,
  lower: number,
): { low: number; high: number }[] {
  const tableau = feasibleTableau(a, b, variables, lower);
  return Array.from({ length: variables }, (_, variable) => {
    const unit = Array.from({ length: variables }, (_, index) => (index === variable ? 1 : 0));
    const low = tableau.copy().minimise(unit);
    const high = -tableau.copy().minimise(unit.map((c) => -c));
    return { low: low + lower, high: high + lower };
  });
}

const EPSILON = 1e-9;

class Tableau {
  constructor(
    /** Each row: coefficients of every column, then the right-hand side. */
    readonly rows: number[][],
    /** The basic column of each row. */
    readonly basis: number[],
    readonly columns: number,
  ) {}

  copy(): Tableau {
    return new Tableau(
      this.rows.map((row) => [...row]),
      [...this.basis],
      this.columns,
    );
  }

  /** Minimises cost · x; −Infinity if unbounded below. */
  minimise(cost: readonly number[]): number {
    for (;;) {
      const entering = this.firstImprovingColumn(cost);
      if (entering < 0) return this.objective(cost);
      const leaving = this.leavingRow(entering);
      if (leaving < 0) return -Infinity;
      this.pivot(leaving, entering);
    }
  }

  objective(cost: readonly number[]): number {
    return this.rows.reduce(
      (total, row, r) => total + (cost[this.basis[r]!] ?? 0) * row.at(-1)!,
      0,
    );
  }

  pivot(r: number, c: number): void {
    const pivotRow = this.rows[r]!;
    const factor = pivotRow[c]!;
    for (let index = 0; index < pivotRow.length; index++) {
      pivotRow[index] = pivotRow[index]! / factor;
    }
    this.rows.forEach((row, other) => {
      const multiple = row[c]!;
      if (other === r || Math.abs(multiple) < EPSILON) return;
      for (let index = 0; index < row.length; index++) {
        row[index] = row[index]! - multiple * pivotRow[index]!;
      }
    });
    this.basis[r] = c;
  }

  private firstImprovingColumn(cost: readonly number[]): number {
    for (let c = 0; c < this.columns; c++) {
      const reduced = this.rows.reduce(
        (total, row, r) => total - (cost[this.basis[r]!] ?? 0) * row[c]!,
        cost[c] ?? 0,
      );
      if (reduced < -EPSILON) return c;
    }
    return -1;
  }

  private leavingRow(c: number): number {
    let best = -1;
    let bestRatio = Infinity;
    this.rows.forEach((row, r) => {
      if (row[c]! <= EPSILON) return;
      const ratio = row.at(-1)! / row[c]!;
      const better = ratio < bestRatio - EPSILON;
      const tie = Math.abs(ratio - bestRatio) <= EPSILON && this.basis[r]! < this.basis[best]!;
      if (better || tie) {
        best = r;
        bestRatio = ratio;
      }
    });
    return best;
  }
}

/** Phase one: a basis that satisfies the equations, with redundant equations dropped. */
function feasibleTableau(
  a: readonly (readonly number[])[],
  b: readonly number[],
  variables: number,
  lower: number,
): Tableau {
  const m = a.length;
  // Shift x = lower + u so that u ≥ 0, and make every right-hand side non-negative.
  const rows = a.map((coefficients, r) => {
    const rhs = b[r]! - coefficients.reduce((total, c) => total + c * lower, 0);
    const flip = rhs < 0 ? -1 : 1;
    const artificials = Array.from({ length: m }, (_, index) => (index === r ? 1 : 0));
    return [...coefficients.map((c) => c * flip), ...artificials, rhs * flip];
  });
  const phaseOne = new Tableau(
    rows,
    Array.from({ length: m }, (_, r) => variables + r),
    variables + m,
  );
  const artificialCost = Array.from({ length: variables + m }, (_, c) => (c < variables ? 0 : 1));
  if (phaseOne.minimise(artificialCost) > EPSILON) {
    throw new Error('the published values are inconsistent');
  }
  // Pivot artificial variables out of the basis; a row where none can leave is redundant.
  const kept: number[] = [];
  phaseOne.basis.forEach((basic, r) => {
    if (basic < variables) return kept.push(r);
    const column = phaseOne.rows[r]!.findIndex(
      (value, c) => c < variables && Math.abs(value) > EPSILON,
    );
    if (column >= 0) {
      phaseOne.pivot(r, column);
      kept.push(r);
    }
  });
  return new Tableau(
    kept.map((r) => [...phaseOne.rows[r]!.slice(0, variables), phaseOne.rows[r]!.at(-1)!]),
    kept.map((r) => phaseOne.basis[r]!),
    variables,
  );
}
