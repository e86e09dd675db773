/**
 * The identifiers of the X-Road message protocol for REST, pure: a client subsystem
 * (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`, the `X-Road-Client` header) and a service
 * (`/r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`, the request's path).
 */

export interface SubsystemId {
  readonly instance: string;
  readonly memberClass: string;
  readonly memberCode: string;
  readonly subsystem: string;
}

export interface ServiceId extends SubsystemId {
  readonly service: string;
}

const PART = /^[A-Za-z0-9._-]{1,64}$/;

/** `INSTANCE/CLASS/MEMBER/SUBSYSTEM`, or null when it is not four safe parts. */
export function parseSubsystem(text: string | undefined): SubsystemId | null {
  const parts = (text ?? '').split('/');
  if (parts.length !== 4 || !parts.every((p) => PART.test(p))) {
    return null;
  }
  const [instance, memberClass, memberCode, subsystem] = parts as [string, string, string, string];
  return { instance, memberClass, memberCode, subsystem };
}

export const subsystemText = (s: SubsystemId): string => `${s.instance}/${s.memberClass}/${s.memberCode}/${s.subsystem}`;
/** The member a subsystem belongs to (`INSTANCE/CLASS/MEMBER`): keys are per member. */
export const memberText = (s: SubsystemId): string => `${s.instance}/${s.memberClass}/${s.memberCode}`;
export const serviceText = (s: ServiceId): string => `${subsystemText(s)}/${s.service}`;
export const servicePath = (s: ServiceId): string => `/r1/${serviceText(s)}`;

/** A service's path `/r1/…` (a query may follow), or null. */
export function parseServicePath(path: string): ServiceId | null {
  const [pathname = ''] = path.split('?');
  const parts = pathname.split('/');
  if (parts.length !== 7 || parts[0] !== '' || parts[1] !== 'r1') {
    return null;
  }
  const subsystem = parseSubsystem(parts.slice(2, 6).join('/'));
  const service = parts[6] ?? '';
  return subsystem === null || !PART.test(service) ? null : { ...subsystem, service };
}

/** `INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`, or null. */
export function parseService(text: string): ServiceId | null {
  return parseServicePath(`/r1/${text}`);
}
