/** What the guard needs to know, on every request, about the user behind a token. */
export interface PrincipalState {
  /** Disabled, erased or merged users no longer act, whatever their token says. */
  active: boolean;
  /** The employer's verification status, for an employer's user; null otherwise. */
  employerStatus: string | null;
}

/** Provided by the users module; undefined when the user no longer exists. */
export interface PrincipalStateResolver {
  stateOf(userId: string): Promise<PrincipalState | undefined>;
}

export const PRINCIPAL_STATE_RESOLVER = Symbol('PRINCIPAL_STATE_RESOLVER');
