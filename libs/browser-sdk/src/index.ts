/**
 * Callwire browser SDK. The bundle (`/sdk/callwire.js`) exposes this module as the global `Callwire`.
 */
export { Phone, type CallOptions, type ConnectOptions, type PhoneEvents } from './phone';
export {
  Call,
  type AnswerOptions,
  type CallEnd,
  type CallEvents,
  type CallFailure,
  type CallOriginator,
  type CallState,
} from './call';
export type { CallStats } from './call-stats';
