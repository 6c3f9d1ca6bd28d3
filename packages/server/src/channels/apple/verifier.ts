/**
 * Verification of App Store signed data: the JWS (ES256 over the pinned chain, validity at `signedDate`), then the
 * app and environment checks Apple's own verifier makes for each payload kind.
 * @see https://developer.apple.com/documentation/appstoreservernotifications/responsebodyv2decodedpayload
 */
import type { CryptoProvider } from '../../crypto/provider';
import type { Certificate } from '../../crypto/x509';
import { ChainVerifier } from './chain';
import { appIdentifierError, environmentError, jwsError } from './errors';
import { decodeJws } from './jws';
import type { AppleEnvironment } from './types';

/** What the verifier checks payloads against. */
export interface VerifierOptions {
  bundleId: string;
  appAppleId?: number;
  environment: 'Production' | 'Sandbox' | 'auto';
  /** Used as the effective date when a payload has no `signedDate`. */
  clock: () => number;
}

/** A verified payload and the environment it was signed in. */
export interface VerifiedPayload {
  payload: Record<string, unknown>;
  environment: AppleEnvironment;
}

type NotificationIdentity = { bundleId?: unknown; appAppleId?: unknown; environment?: unknown };

/** Verifies StoreKit 2 transactions, renewal infos, app transactions and Server Notifications V2 payloads. */
export class SignedDataVerifier {
  private readonly chains: ChainVerifier;

  constructor(
    private readonly crypto: CryptoProvider,
    roots: readonly Certificate[],
    private readonly options: VerifierOptions,
  ) {
    this.chains = new ChainVerifier(crypto, roots);
  }

  /** Verify the JWS signature and chain only; returns the payload. Throws `PaySignatureError`. */
  async verifyJws(jws: unknown): Promise<Record<string, unknown>> {
    const decoded = decodeJws(jws);
    const signedDate = decoded.payload.signedDate;
    const effectiveDate = typeof signedDate === 'number' && Number.isFinite(signedDate) ? signedDate : this.options.clock();
    // Warm chains resolve synchronously: only the signature verify itself is awaited.
    const key = this.chains.cachedLeafKey(decoded.x5c, effectiveDate) ?? (await this.chains.leafKey(decoded.x5c, effectiveDate));
    let ok: boolean;
    try {
      ok = await this.crypto.ecdsaP256Verify(key, decoded.signingInput, decoded.signature);
    } catch {
      ok = false;
    }
    if (!ok) throw jwsError('SIGNATURE_INVALID', 'the JWS signature does not verify under its x5c leaf certificate');
    return decoded.payload;
  }

  /** A signed transaction (`JWSTransaction`): bundle id and environment checked. */
  async verifyTransaction(jws: unknown): Promise<VerifiedPayload> {
    const payload = await this.verifyJws(jws);
    this.checkBundleId(payload.bundleId, 'transaction');
    return { payload, environment: this.checkEnvironment(payload.environment) };
  }

  /** A signed renewal info (`JWSRenewalInfo`): environment checked (it carries no bundle id). */
  async verifyRenewalInfo(jws: unknown): Promise<VerifiedPayload> {
    const payload = await this.verifyJws(jws);
    return { payload, environment: this.checkEnvironment(payload.environment) };
  }

  /** A signed app transaction (`AppTransaction`): bundle id and `receiptType` checked. */
  async verifyAppTransaction(jws: unknown): Promise<VerifiedPayload> {
    const payload = await this.verifyJws(jws);
    this.checkBundleId(payload.bundleId, 'app transaction');
    const environment = this.checkEnvironment(payload.receiptType);
    if (environment === 'Production') this.checkAppAppleId(payload.appAppleId);
    return { payload, environment };
  }

  /** A notification `signedPayload`: bundle id, app Apple id (Production) and environment checked. */
  async verifyNotification(jws: unknown): Promise<VerifiedPayload> {
    const payload = await this.verifyJws(jws);
    const identity = notificationIdentity(payload);
    this.checkBundleId(identity.bundleId, 'notification');
    const environment = this.checkEnvironment(identity.environment);
    if (environment === 'Production') this.checkAppAppleId(identity.appAppleId);
    return { payload, environment };
  }

  private checkBundleId(bundleId: unknown, what: string): void {
    if (bundleId !== this.options.bundleId) {
      throw appIdentifierError(`the ${what} is for bundle id ${JSON.stringify(bundleId)}, this channel serves ${this.options.bundleId}`);
    }
  }

  private checkAppAppleId(appAppleId: unknown): void {
    if (this.options.appAppleId === undefined) {
      throw appIdentifierError('set appAppleId in apple({ ... }) to accept Production notifications');
    }
    if (appAppleId !== this.options.appAppleId) {
      throw appIdentifierError(`the notification is for app Apple id ${JSON.stringify(appAppleId)}, this channel serves ${this.options.appAppleId}`);
    }
  }

  private checkEnvironment(environment: unknown): AppleEnvironment {
    const accepted = this.options.environment === 'auto' ? ['Production', 'Sandbox'] : [this.options.environment];
    if (typeof environment === 'string' && accepted.includes(environment)) return environment as AppleEnvironment;
    const hint =
      environment === 'Sandbox' && this.options.environment === 'Production'
        ? "; App Review and TestFlight buy in the Sandbox: use environment 'auto' in a production app"
        : '';
    throw environmentError(`payload environment ${JSON.stringify(environment)} is not accepted (configured: ${this.options.environment})${hint}`);
  }
}

/** Where a notification names its app: `data`, `summary`, `appData` or `externalPurchaseToken`. */
function notificationIdentity(payload: Record<string, unknown>): NotificationIdentity {
  const pick = (key: string): NotificationIdentity | undefined => {
    const value = payload[key];
    return typeof value === 'object' && value !== null ? (value as NotificationIdentity) : undefined;
  };
  const external = pick('externalPurchaseToken') as (NotificationIdentity & { externalPurchaseId?: unknown }) | undefined;
  if (external && !pick('data') && !pick('summary') && !pick('appData')) {
    const sandbox = typeof external.externalPurchaseId === 'string' && external.externalPurchaseId.startsWith('SANDBOX');
    return { bundleId: external.bundleId, appAppleId: external.appAppleId, environment: sandbox ? 'Sandbox' : 'Production' };
  }
  return pick('data') ?? pick('summary') ?? pick('appData') ?? {};
}
