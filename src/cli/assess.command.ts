/**
 * @module assess.command
 * `casus assess`: does this incident trigger any alliance provision, under which reading, and why.
 */
import { Command } from 'commander';
import { ATTACKED_OBJECTS, INCIDENT_KINDS, type Incident } from '../domain/assessment/index.js';
import { invalidInput } from '../domain/errors.js';
import { assessIncident } from '../knowledge/assess-incident.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { parseAt, parseChoice, parseDate, parsePolity, parseReadings } from './arguments.js';
import { renderAssessment } from './render-assessment.js';
import { runCommand } from './run-command.js';

interface AssessFlags {
  date?: string;
  at?: string;
  attacker?: string;
  target?: string;
  kind: string;
  against: string;
  flag?: string;
  fatalities?: string;
  requestedBy?: string;
  treaty?: string;
  reading?: string;
  json?: boolean;
}

/** The `assess` command. */
export function assessCommand(): Command {
  return new Command('assess')
    .description('assess an incident against the encoded treaties, provision by provision and reading by reading')
    .option('--date <YYYY-MM-DD>', 'date of the incident (required)')
    .option('--at <LAT,LON>', 'where it happened, decimal degrees, latitude first')
    .option('--attacker <polity>', 'who attacked: ISO alpha-3 (AZE), non-state:<slug>, entity:<slug>')
    .option('--target <polity>', 'the state attacked (ISO alpha-3)')
    .option('--kind <kind>', `one of ${INCIDENT_KINDS.join(', ')}`, 'armed-attack')
    .option('--against <object>', `what was attacked: ${ATTACKED_OBJECTS.join(', ')}`, 'territory')
    .option('--flag <polity>', 'flag state of the forces, vessel or aircraft attacked')
    .option('--fatalities <n>', 'number of deaths')
    .option('--requested-by <polities>', 'comma-separated parties that asked for consultations (NATO Article 4), e.g. POL,LTU')
    .option('--treaty <ids>', 'comma-separated treaty ids (default: all), e.g. csto,nato')
    .option('--reading <reading>', 'recognized | administered | claimed | delimited | all', 'all')
    .option('--json', 'print the stable JSON object instead of the explanation')
    .addHelpText(
      'after',
      `
Examples:
  casus assess --date 2020-07-12 --at 40.93,45.42 --attacker AZE --target ARM
  casus assess --date 2022-09-13 --at 39.84,45.67 --attacker AZE --target ARM --treaty csto --json
  casus assess --date 2001-09-11 --at 40.71,-74.01 --attacker non-state:al-qaeda --target USA --treaty nato

A fact you leave out (attacker, target, location) is unknown: findings that need it are
"undetermined" and name the missing fact; they are never silently "not triggered".
Exit codes: 0 answered; 2 bad input (the message names the argument).`,
    )
    .action(
      runCommand((flags: AssessFlags) => {
        const incident = incidentFromFlags(flags);
        const knowledge = loadKnowledge(undefined, { geometry: 'on-demand' });
        const treatyIds = flags.treaty?.split(',').map((s) => s.trim()).filter(Boolean);
        for (const id of treatyIds ?? [])
          if (!knowledge.treaties.some((t) => t.id === id))
            throw invalidInput('--treaty', `treaty ids from ${knowledge.treaties.map((t) => t.id).join(', ')}`, id);
        const readings = parseReadings(flags.reading);
        const result = assessIncident(incident, { ...(treatyIds ? { treaties: treatyIds } : {}), readings }, knowledge);
        process.stdout.write(flags.json ? JSON.stringify(result) + '\n' : renderAssessment(result, knowledge.treaties));
      }),
    );
}

/** Builds and checks an Incident from command-line flags. */
export function incidentFromFlags(flags: AssessFlags): Incident {
  if (flags.date === undefined) throw invalidInput('--date', 'a date YYYY-MM-DD (required)', 'nothing');
  const fatalities = flags.fatalities === undefined ? undefined : Number(flags.fatalities);
  if (fatalities !== undefined && (!Number.isInteger(fatalities) || fatalities < 0))
    throw invalidInput('--fatalities', 'a whole number of deaths, 0 or more', flags.fatalities);
  return {
    date: parseDate(flags.date),
    ...(flags.at !== undefined ? { at: parseAt(flags.at) } : {}),
    ...(flags.attacker !== undefined ? { attacker: parsePolity(flags.attacker, '--attacker') } : {}),
    ...(flags.target !== undefined ? { target: parsePolity(flags.target, '--target') } : {}),
    kind: parseChoice(flags.kind, '--kind', INCIDENT_KINDS),
    against: parseChoice(flags.against, '--against', ATTACKED_OBJECTS),
    ...(flags.flag !== undefined ? { flag: parsePolity(flags.flag, '--flag') } : {}),
    ...(fatalities !== undefined ? { fatalities } : {}),
    ...(flags.requestedBy !== undefined
      ? { requestedBy: flags.requestedBy.split(',').map((s) => s.trim()).filter(Boolean).map((p) => parsePolity(p, '--requested-by')) }
      : {}),
  };
}
