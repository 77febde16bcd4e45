import { type Command, stringOpt } from '../command.ts';
import { printJson, withOrganisation } from '../org-context.ts';

// Share links of the trust page from the shell: list them, and revoke one at once (incident response
// when a link leaked: the link and the sessions it opened stop working immediately).
export const trustLinksCommand: Command = {
  path: ['trust', 'links'],
  summary: 'list the trust page share links of an organisation, or revoke one',
  usage: 'trust links --org S [--revoke LINK_ID]',
  options: {
    org: { type: 'string', description: 'organisation slug', required: true },
    revoke: { type: 'string', description: 'id of the link to revoke now' },
  },
  async run(run) {
    const { listLinks, revokeLink } = await import('../../modules/trust/index.ts');
    const linkId = run.options.revoke;
    const result = await withOrganisation(run, stringOpt(run, 'org'), async (ctx) => {
      if (typeof linkId === 'string') await revokeLink({ linkId }, ctx);
      return listLinks({}, ctx);
    });
    printJson(run, result);
    return 0;
  },
};
