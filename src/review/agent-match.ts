/** An agent the reports have seen: its id and, when a response carried one, its display name. */
export interface AgentOption {
  agentId: string;
  agentName: string | null;
}

export type AgentMatch =
  | { kind: 'found'; agent: AgentOption }
  | { kind: 'unknown'; text: string }
  | { kind: 'ambiguous'; text: string; candidates: AgentOption[] };

/** Case, accents and spacing do not matter: "chloe  MARTIN" finds "Chloé Martin". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function pick(text: string, matches: AgentOption[]): AgentMatch | null {
  if (matches.length === 1) return { kind: 'found', agent: matches[0] as AgentOption };
  if (matches.length > 1) return { kind: 'ambiguous', text, candidates: matches };
  return null;
}

/**
 * What a supervisor typed in the agent filter, read as an id or a name: the exact id first, then the
 * whole name, then the start of the name or of any word in it ("sam" or "carter" for Sam Carter).
 */
export function matchAgent(text: string, agents: AgentOption[]): AgentMatch {
  const exact = agents.find((agent) => agent.agentId === text);
  if (exact) return { kind: 'found', agent: exact };
  const folded = foldName(text);
  if (folded === '') return { kind: 'unknown', text };
  const byId = agents.filter((agent) => foldName(agent.agentId) === folded);
  const byName = agents.filter((agent) => agent.agentName !== null && foldName(agent.agentName) === folded);
  const byStart = agents.filter((agent) => {
    if (agent.agentName === null) return false;
    const name = foldName(agent.agentName);
    return name.startsWith(folded) || name.split(' ').some((word) => word.startsWith(folded));
  });
  return pick(text, byId) ?? pick(text, byName) ?? pick(text, byStart) ?? { kind: 'unknown', text };
}

/** How an agent is called on the pages: the name, or the id when no response carried a name. */
export function agentLabel(agent: AgentOption): string {
  return agent.agentName ?? agent.agentId;
}
