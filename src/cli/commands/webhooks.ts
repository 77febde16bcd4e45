import { type Command, stringOpt } from '../command.ts';
import { printJson, withOrganisation } from '../org-context.ts';

// An organisation's webhooks from the shell (issue #20): the endpoints, an endpoint's delivery log, and a
// redelivery (the delivery job sends it on its next run, or `closeloop jobs run webhooks-deliver`).
export const webhooksListCommand: Command = {
  path: ['webhooks', 'list'],
  summary: 'list the webhook endpoints of an organisation (never their secrets)',
  usage: 'webhooks list --org S',
  options: { org: { type: 'string', description: 'organisation slug', required: true } },
  async run(run) {
    const { listWebhooks } = await import('../../modules/webhooks/index.ts');
    printJson(run, await withOrganisation(run, stringOpt(run, 'org'), (ctx) => listWebhooks({}, ctx)));
    return 0;
  },
};

export const webhooksDeliveriesCommand: Command = {
  path: ['webhooks', 'deliveries'],
  summary: 'list the deliveries of a webhook endpoint, newest first, with their last response code',
  usage: 'webhooks deliveries ENDPOINT_ID --org S',
  options: { org: { type: 'string', description: 'organisation slug', required: true } },
  positionals: [{ name: 'ENDPOINT_ID (see closeloop webhooks list)', required: true }],
  async run(run) {
    const { listWebhookDeliveries } = await import('../../modules/webhooks/index.ts');
    const endpointId = String(run.positionals[0]);
    const result = await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
      listWebhookDeliveries({ endpointId, page: 1, pageSize: 100 }, ctx),
    );
    printJson(run, result);
    return 0;
  },
};

export const webhooksRedeliverCommand: Command = {
  path: ['webhooks', 'redeliver'],
  summary: 'send a webhook delivery again (with a fresh 24 h of retries)',
  usage: 'webhooks redeliver ENDPOINT_ID DELIVERY_ID --org S',
  options: { org: { type: 'string', description: 'organisation slug', required: true } },
  positionals: [
    { name: 'ENDPOINT_ID', required: true },
    { name: 'DELIVERY_ID (see closeloop webhooks deliveries)', required: true },
  ],
  async run(run) {
    const { redeliverWebhook } = await import('../../modules/webhooks/index.ts');
    const [endpointId, deliveryId] = run.positionals.map(String) as [string, string];
    await withOrganisation(run, stringOpt(run, 'org'), (ctx) =>
      redeliverWebhook({ endpointId, deliveryId }, ctx),
    );
    printJson(run, { redelivered: deliveryId });
    return 0;
  },
};
