import { CALL_STATUSES } from '../api/types';
import { callStatusTone, deliveryStateTone, gatewayHealthTone, isActiveCall, registrationStateTone } from './status';

describe('call statuses', () => {
  it('are active until a final status', () => {
    expect(CALL_STATUSES.filter(isActiveCall)).toEqual(['initiated', 'ringing', 'in-progress']);
  });

  it('show answered calls as good and failed ones as bad', () => {
    expect(callStatusTone('in-progress')).toBe('good');
    expect(callStatusTone('failed')).toBe('bad');
    expect(callStatusTone('busy')).toBe('warn');
    expect(callStatusTone('completed')).toBe('neutral');
  });
});

describe('carrier and webhook states', () => {
  it('have a tone each', () => {
    expect([gatewayHealthTone('up'), gatewayHealthTone('down'), gatewayHealthTone('unknown')]).toEqual([
      'good',
      'bad',
      'neutral',
    ]);
    expect((['registered', 'registering', 'failed', 'unregistered'] as const).map(registrationStateTone)).toEqual([
      'good',
      'info',
      'bad',
      'neutral',
    ]);
    expect((['succeeded', 'pending', 'failed'] as const).map(deliveryStateTone)).toEqual(['good', 'info', 'bad']);
  });
});
