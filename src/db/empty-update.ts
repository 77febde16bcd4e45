import { type KyselyPlugin, UpdateQueryNode } from 'kysely';
import { AppError } from '../contracts/errors.ts';

/**
 * An UPDATE with nothing to set compiles to `update t set where …`, a syntax error on both engines (a
 * PATCH with `{}` answered 500, issue #18). Every repository's patch goes through here: an empty one is
 * the caller's mistake, a 400, and the transaction rolls back.
 */
export const refuseEmptyUpdates: KyselyPlugin = {
  transformQuery({ node }) {
    if (UpdateQueryNode.is(node) && (node.updates?.length ?? 0) === 0)
      throw new AppError('validation_failed', 'nothing to change: send at least one field', [
        { path: 'body', message: 'no field to change' },
      ]);
    return node;
  },
  async transformResult({ result }) {
    return result;
  },
};
