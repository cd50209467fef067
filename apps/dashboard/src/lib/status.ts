// Which colour a status is shown in (the Badge tones).
import type { CallStatus, CarrierGateway, CarrierRegistration, WebhookDelivery } from '../api/types';

export type StatusTone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

const CALL_TONES: Record<CallStatus, StatusTone> = {
  initiated: 'info',
  ringing: 'info',
  'in-progress': 'good',
  completed: 'neutral',
  busy: 'warn',
  'no-answer': 'warn',
  canceled: 'warn',
  failed: 'bad',
};

export function callStatusTone(status: CallStatus): StatusTone {
  return CALL_TONES[status] ?? 'neutral';
}

export function isActiveCall(status: CallStatus): boolean {
  return status === 'initiated' || status === 'ringing' || status === 'in-progress';
}

export function gatewayHealthTone(status: CarrierGateway['health']['status']): StatusTone {
  return status === 'up' ? 'good' : status === 'down' ? 'bad' : 'neutral';
}

export function registrationStateTone(state: CarrierRegistration['state']): StatusTone {
  switch (state) {
    case 'registered':
      return 'good';
    case 'registering':
      return 'info';
    case 'failed':
      return 'bad';
    default:
      return 'neutral';
  }
}

export function deliveryStateTone(state: WebhookDelivery['state']): StatusTone {
  return state === 'succeeded' ? 'good' : state === 'failed' ? 'bad' : 'info';
}
