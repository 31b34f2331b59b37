/**
 * @module screening-handler
 * The worker's screening: the same as `POST /v1/payments/screen` (`screenPaymentMessages` of the server),
 * its outcomes turned into what the worker publishes. A decision is published under the tenant and
 * message id, the de-duplication id that makes a redelivered message's decision count once; an unreadable
 * message goes to the dead letters with the parser's reason and the message as received.
 */
import { decisionJson, screenPaymentMessages, type AppDeps, type PaymentScreeningContext } from '@embargo/server';
import type { PaymentHandler } from './payment-worker.js';

export function screeningHandler(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId'>,
  context: { defaultTenant: string; actor: string; rules?: PaymentScreeningContext['rules'] },
): PaymentHandler {
  return async (raw, tenant, deadId) => {
    const outcomes = await screenPaymentMessages(deps, raw, {
      tenant: tenant ?? context.defaultTenant,
      actor: context.actor,
      rules: context.rules,
    });
    return {
      decisions: outcomes.flatMap((o) =>
        'record' in o ? [{ id: `${o.record.tenant}:${o.record.messageId}`, body: decisionJson(o.record) }] : [],
      ),
      dead: outcomes.flatMap((o) =>
        'error' in o
          ? [
              {
                id: deadId(o.message),
                body: { error: { code: 'PAYMENT_PARSE', ...o.error }, tenant: tenant ?? context.defaultTenant, raw },
              },
            ]
          : [],
      ),
    };
  };
}
