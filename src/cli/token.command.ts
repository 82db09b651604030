/**
 * @module token.command
 * `casus token create|revoke|list`: bearer tokens for the API's writes, stored only as hashes.
 */
import { Command, Option } from 'commander';
import { createToken, listTokens, revokeToken, type TokenRole } from '../storage/index.js';
import { runCommand } from './run-command.js';
import { withDatabase } from './with-database.js';

/** The `token` command. */
export function tokenCommand(): Command {
  const token = new Command('token').description('API bearer tokens: editors append to case files, admins also manage tokens');
  token
    .command('create')
    .description('create a token; its secret is printed once and stored only as a hash')
    .addOption(new Option('--role <role>', 'editor or admin').choices(['editor', 'admin']).makeOptionMandatory())
    .option('--json', 'print { id, role, token }')
    .action(
      runCommand(async (opts: { role: TokenRole; json?: boolean }) => {
        const created = await withDatabase((db) => createToken(db, opts.role), { loadRecord: false });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ id: created.id, role: opts.role, token: created.token })}\n`
            : `${created.token}\n`,
        );
        if (!opts.json) process.stderr.write(`casus: token ${created.id} (${opts.role}) created; keep it: it cannot be shown again\n`);
      }),
    );
  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'token id (see casus token list)')
    .action(
      runCommand(async (id: string) => {
        await withDatabase((db) => revokeToken(db, id), { loadRecord: false });
        process.stdout.write(`revoked ${id}\n`);
      }),
    );
  token
    .command('list')
    .description('list tokens (ids and roles, never secrets)')
    .option('--json', 'print JSON')
    .action(
      runCommand(async (opts: { json?: boolean }) => {
        const tokens = await withDatabase((db) => listTokens(db), { loadRecord: false });
        if (opts.json) process.stdout.write(`${JSON.stringify(tokens)}\n`);
        else for (const t of tokens) process.stdout.write(`${t.id}  ${t.role.padEnd(6)}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}\n`);
      }),
    );
  return token;
}
