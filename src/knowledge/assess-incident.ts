/**
 * @module assess-incident
 * Locates an incident on the loaded map and assesses it: the one composition the CLI, the API and
 * the reliability view share, so they cannot drift apart.
 */
import { assess, type Assessment, type AssessOptions, type Incident } from '../domain/assessment/index.js';
import type { AssessIncident, CaseIncident } from '../domain/casefile/index.js';
import { locate } from '../domain/territory/index.js';
import { loadKnowledge, type Knowledge } from './load-knowledge.js';

/**
 * Assesses `incident` against the knowledge base (loaded once per process).
 * @example assessIncident({ date: '2022-09-13', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM', kind: 'armed-attack', against: 'territory' })
 */
export function assessIncident(incident: Incident, options: AssessOptions = {}, knowledge: Knowledge = loadKnowledge()): Assessment {
  const location = incident.at ? locate(knowledge.map, incident.at[0], incident.at[1], incident.date) : null;
  return assess(incident, location, knowledge.treaties, options);
}

/** The assessment engine in the shape case files and the reliability view take. */
export const assessCaseIncident: AssessIncident = (incident: CaseIncident) =>
  assessIncident({
    date: incident.date,
    at: [incident.at[0], incident.at[1]],
    attacker: incident.attacker,
    target: incident.target,
    kind: incident.kind,
    against: incident.against,
    ...(incident.flag !== undefined ? { flag: incident.flag } : {}),
    ...(incident.fatalities !== undefined ? { fatalities: incident.fatalities } : {}),
    ...(incident.requestedBy !== undefined ? { requestedBy: [...incident.requestedBy] } : {}),
  });

/**
 * The assessment engine if the knowledge base loads, else undefined (the reliability view then says
 * "assessment unavailable" instead of failing or guessing).
 */
export function availableAssessment(): AssessIncident | undefined {
  try {
    loadKnowledge();
    return assessCaseIncident;
  } catch {
    return undefined;
  }
}
