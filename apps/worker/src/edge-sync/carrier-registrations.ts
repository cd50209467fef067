/** A registration as uac.reg_dump lists it (the fields Callwire reads). */
export interface UacRegistration {
  readonly l_uuid: string;
  readonly flags: number;
  readonly timer_expires: number;
}

/** uac's registration flags (modules/uac/uac_reg.c). */
const UAC_REG_DISABLED = 1 << 0;
const UAC_REG_ONGOING = 1 << 1;
const UAC_REG_ONLINE = 1 << 2;
const UAC_REG_INIT = 1 << 4;

export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';

export interface CarrierRegistrationState {
  readonly carrierId: string;
  readonly state: RegistrationState;
  readonly detail: string;
  /** registered: when the edge refreshes it. */
  readonly expiresAt: Date | null;
}

/** What the edge's registration with a carrier looks like from the platform. */
export function registrationState(registration: UacRegistration): CarrierRegistrationState {
  const { flags } = registration;
  const at = registration.timer_expires > 0 ? new Date(registration.timer_expires * 1000) : null;
  const base = { carrierId: registration.l_uuid };
  if (flags & UAC_REG_DISABLED)
    return { ...base, state: 'unregistered', detail: 'disabled at the edge', expiresAt: null };
  if (flags & UAC_REG_ONLINE) return { ...base, state: 'registered', detail: 'registered', expiresAt: at };
  if (flags & UAC_REG_ONGOING) return { ...base, state: 'registering', detail: 'REGISTER sent', expiresAt: null };
  if (flags & UAC_REG_INIT) {
    return {
      ...base,
      state: 'failed',
      detail: 'the carrier did not accept the registration; retrying',
      expiresAt: null,
    };
  }
  return { ...base, state: 'registering', detail: 'waiting for the first REGISTER', expiresAt: null };
}

export function isUacRegistration(value: unknown): value is UacRegistration {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.l_uuid === 'string' && typeof record.flags === 'number' && typeof record.timer_expires === 'number'
  );
}
