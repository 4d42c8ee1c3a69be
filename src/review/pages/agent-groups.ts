export interface Interval {
  low: number;
  high: number;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/**
 * Agents (best estimate first) in groups whose 95% intervals all overlap one another: within a
 * group there is no clear difference. An agent starts a new group when its interval misses any
 * member of the current one.
 */
export function groupOverlapping<T extends Interval>(agents: T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  for (const agent of agents) {
    if (current.length > 0 && !current.every((member) => overlaps(member, agent))) {
      groups.push(current);
      current = [];
    }
    current.push(agent);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The members of `above` an agent's interval lies wholly below. */
export function clearlyAbove<T extends Interval>(agent: Interval, above: T[]): T[] {
  return above.filter((member) => member.low > agent.high);
}
