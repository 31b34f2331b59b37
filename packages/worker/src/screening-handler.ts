/**
 * @module screening-handler
 * The worker's screening: the same as `POST /v1/payments/screen` (`screenPaymentMessages` of the server),
 * its outcomes turned into what the worker publishes. A decision is published under the tenant and
 * message id, the de-duplication id that makes a redelivered message's decision count once; an unreadable
 * message goes to the dead letters with the parser's reason and the message as received.
 */
import {
  decisionJson,
  preparePaymentMessages,
  storePreparedPayments,
  type AppDeps,
  type PaymentScreeningContext,
  type PreparedPayment,
} from '@embargo/server';
import type { HandledMessage, PaymentHandler } from './payment-worker.js';

interface PreparedMessage {
  raw: string;
  tenant: string;
  payments: PreparedPayment[];
}

export function screeningHandler(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId'>,
  context: { defaultTenant: string; actor: string; rules?: PaymentScreeningContext['rules'] },
): PaymentHandler<PreparedMessage> {
  return {
    async prepare(raw, tenant) {
      const whose = tenant ?? context.defaultTenant;
      return {
        raw,
        tenant: whose,
        payments: await preparePaymentMessages(deps, raw, { tenant: whose, actor: context.actor, rules: context.rules }),
      };
    },
    async commit(prepared, deadIds) {
      // Every payment of every message in one transaction; then split back per message.
      const outcomes = await storePreparedPayments(
        deps,
        prepared.flatMap((p) => p.payments),
      );
      let k = 0;
      return prepared.map((p, i): HandledMessage => {
        const mine = outcomes.slice(k, (k += p.payments.length));
        return {
          decisions: mine.flatMap((o) =>
            'record' in o ? [{ id: `${o.record.tenant}:${o.record.messageId}`, body: decisionJson(o.record) }] : [],
          ),
          dead: mine.flatMap((o) =>
            'error' in o
              ? [{ id: deadIds[i](o.message), body: { error: { code: 'PAYMENT_PARSE', ...o.error }, tenant: p.tenant, raw: p.raw } }]
              : [],
          ),
        };
      });
    },
  };
}
