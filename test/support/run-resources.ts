/**
 * Things started for the whole test run by a project's global setup (the `cluster` project's
 * Redis Cluster). Vitest tears the root setup down first, and that one fails the run if processes
 * are left: so it stops these first. The registry lives on `globalThis` because each project loads
 * its global setup files on a module runner of its own, in the same process.
 */
const REGISTRY = Symbol.for('survey-agent.test-run-resources');

type Stop = () => Promise<void>;

function registry(): Set<Stop> {
  const holder = globalThis as unknown as Record<symbol, Set<Stop> | undefined>;
  holder[REGISTRY] ??= new Set();
  return holder[REGISTRY];
}

/** Registers how to stop something that lives for the whole run; returns the stop, to call once. */
export function registerRunResource(stop: Stop): Stop {
  let stopping: Promise<void> | undefined;
  const once: Stop = () => (stopping ??= stop());
  registry().add(once);
  return once;
}

/** Stops every registered run resource (each only once, however often this is called). */
export async function stopRunResources(): Promise<void> {
  const stops = [...registry()];
  registry().clear();
  await Promise.all(stops.map((stop) => stop()));
}
