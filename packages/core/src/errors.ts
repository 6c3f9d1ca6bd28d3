/**
 * payweave error classes, shared by server and client.
 *
 * Every error carries a stable string `code`, an optional `channel`, `isRetryable` and the original `cause`.
 * `isInstance` recognises errors across ESM/CJS copies of this package (a `Symbol.for` marker, not `instanceof`).
 * Messages say what to do and never contain key material or secrets.
 */

const PAY_ERROR_MARK = Symbol.for('payweave.error');

/** One validation problem: `path` is dotted (`payer.openId`), `message` says what is expected. */
export interface PayIssue {
  path: string;
  message: string;
}

export interface PayErrorOptions {
  code?: string;
  channel?: string;
  isRetryable?: boolean;
  cause?: unknown;
}

/** Base class of every error payweave throws or reports. */
export class PayError extends Error {
  /** Class name used by `isInstance` of subclasses; stable across bundles. */
  static readonly errorType: string = 'PayError';
  readonly [PAY_ERROR_MARK] = true;
  // `declare`: set by the constructor only (no class-field definitions to repeat in every bundle).
  /** Stable machine-readable code, e.g. `SIGNATURE_INVALID`, `AMOUNT_MISMATCH`. */
  declare readonly code: string;
  /** The payweave channel or provider the error concerns, when known. */
  declare readonly channel?: string;
  /** True when the same call may succeed if tried again later (network, gateway busy). */
  declare readonly isRetryable: boolean;
  /** Which error class produced this error (`PayGatewayError`, ...); survives bundling. */
  declare readonly type: string;
  /** The options a subclass fills in where the caller left them out (its default `code`, retryability). */
  declare protected static readonly defaults?: PayErrorOptions;

  constructor(message: string, options: PayErrorOptions = {}) {
    const { errorType: type, defaults } = new.target as unknown as { errorType: string; defaults?: PayErrorOptions };
    // Options arrive from channel code and from plugins: a value that is not an object is ignored (a string would
    // spread character by character: 2 MB took seconds), and a malformed field falls back below.
    const { cause, code, channel, isRetryable }: PayErrorOptions = { ...defaults, ...(typeof options === 'object' ? options : undefined) };
    super(message, cause === undefined ? undefined : { cause });
    this.name = type;
    this.type = type;
    this.code = (typeof code === 'string' && code) || defaults?.code || 'PAY_ERROR';
    if (typeof channel === 'string') this.channel = channel;
    this.isRetryable = isRetryable === true;
  }

  /**
   * True when `value` is an error of this class (or, on `PayError`, of any payweave class), even when it was created
   * by another copy of the package (ESM and CJS loaded side by side).
   */
  static isInstance<T extends PayError>(this: { errorType: string } & (abstract new (...args: never[]) => T), value: unknown): value is T {
    const candidate = value as { [PAY_ERROR_MARK]?: unknown; type?: unknown } | null;
    return typeof candidate === 'object' && candidate?.[PAY_ERROR_MARK] === true && (this.errorType === 'PayError' || candidate.type === this.errorType);
  }

  /** A plain, log-safe representation (no `cause` chain, no raw payloads). */
  toJSON(): Record<string, unknown> {
    return { type: this.type, code: this.code, message: this.message, channel: this.channel, isRetryable: this.isRetryable };
  }
}

/** A channel or server configuration is wrong: a missing field, an unreadable key, a key of the wrong kind. */
export class PayConfigError extends PayError {
  static override readonly errorType: string = 'PayConfigError';
  protected static override readonly defaults: PayErrorOptions = { code: 'CONFIG_INVALID' };
}

/** Input given to a payweave function does not satisfy its contract; `issues` lists each problem. */
export class PayValidationError extends PayError {
  static override readonly errorType: string = 'PayValidationError';
  protected static override readonly defaults: PayErrorOptions = { code: 'VALIDATION_FAILED' };
  declare readonly issues: PayIssue[];
  constructor(message: string, issues: PayIssue[] = [], options: PayErrorOptions = {}) {
    super(message, options);
    this.issues = Array.isArray(issues) ? issues : [];
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** A signature, certificate chain or authentication tag did not verify: the message must not be trusted. */
export class PaySignatureError extends PayError {
  static override readonly errorType: string = 'PaySignatureError';
  protected static override readonly defaults: PayErrorOptions = { code: 'SIGNATURE_INVALID' };
}

export interface PayGatewayErrorOptions extends PayErrorOptions {
  statusCode?: number;
  gatewayCode?: string;
  gatewaySubCode?: string;
  gatewayMessage?: string;
  requestId?: string;
  raw?: unknown;
}

/** The gateway answered (with a verified response) that the request failed. */
export class PayGatewayError extends PayError {
  static override readonly errorType: string = 'PayGatewayError';
  protected static override readonly defaults: PayErrorOptions = { code: 'GATEWAY_ERROR' };
  readonly statusCode?: number;
  readonly gatewayCode?: string;
  readonly gatewaySubCode?: string;
  readonly gatewayMessage?: string;
  readonly requestId?: string;
  readonly raw?: unknown;
  constructor(message: string, gatewayOptions: PayGatewayErrorOptions = {}) {
    super(message, gatewayOptions);
    const options: PayGatewayErrorOptions = gatewayOptions ?? {};
    // Only text and numbers: these fields go into toJSON(), which must stay plain and log-safe.
    const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
    if (typeof options.statusCode === 'number') this.statusCode = options.statusCode;
    if (text(options.gatewayCode) !== undefined) this.gatewayCode = text(options.gatewayCode);
    if (text(options.gatewaySubCode) !== undefined) this.gatewaySubCode = text(options.gatewaySubCode);
    if (text(options.gatewayMessage) !== undefined) this.gatewayMessage = text(options.gatewayMessage);
    if (text(options.requestId) !== undefined) this.requestId = text(options.requestId);
    if (options.raw !== undefined) this.raw = options.raw;
  }
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      statusCode: this.statusCode,
      gatewayCode: this.gatewayCode,
      gatewaySubCode: this.gatewaySubCode,
      gatewayMessage: this.gatewayMessage,
      requestId: this.requestId,
    };
  }
}

/** The gateway (or the merchant server, seen from the client) could not be reached or did not answer in time. */
export class PayConnectionError extends PayError {
  static override readonly errorType: string = 'PayConnectionError';
  protected static override readonly defaults: PayErrorOptions = { code: 'CONNECTION_FAILED', isRetryable: true };
}

/** The operation is not offered by this channel, runtime or configuration. */
export class PayUnsupportedError extends PayError {
  static override readonly errorType: string = 'PayUnsupportedError';
  protected static override readonly defaults: PayErrorOptions = { code: 'UNSUPPORTED' };
}
