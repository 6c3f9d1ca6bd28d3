/**
 * What each account may use: one entitlement per original transaction (a subscription's renewals share it). The app
 * server grants on a verified transaction or receipt, and on a verified App Store notification; it revokes on a
 * refund or revocation. In memory here; a real server keeps it in its database.
 */
export interface Entitlement {
  originalTransactionId: string;
  accountId: string;
  productId: string;
  /** Subscriptions: access ends then (ISO 8601). */
  expiresDate?: string;
  /** Set on a refund or revocation: the account no longer has the product. */
  revokedAt?: string;
  /** Who told us first: the app (a transaction or receipt it sent) or Apple (a server notification). */
  grantedBy: 'app' | 'notification';
}

/** The grant a verified purchase carries. */
export interface Grant {
  originalTransactionId: string;
  productId: string;
  expiresDate?: string;
}

/** The in-memory entitlement book. */
export function createEntitlements() {
  const byOriginal = new Map<string, Entitlement>();
  return {
    /** Grant (or extend) an entitlement; a revoked one stays revoked until Apple says otherwise. */
    grant(accountId: string, grant: Grant, grantedBy: Entitlement['grantedBy']): Entitlement {
      const current = byOriginal.get(grant.originalTransactionId);
      const next: Entitlement = {
        ...(current ?? { grantedBy }),
        originalTransactionId: grant.originalTransactionId,
        accountId,
        productId: grant.productId,
        ...(grant.expiresDate ? { expiresDate: grant.expiresDate } : {}),
      };
      byOriginal.set(grant.originalTransactionId, next);
      return next;
    },
    revoke(originalTransactionId: string, at: string): Entitlement | undefined {
      const current = byOriginal.get(originalTransactionId);
      if (current) current.revokedAt = at;
      return current;
    },
    ownerOf: (originalTransactionId: string): string | undefined => byOriginal.get(originalTransactionId)?.accountId,
    /** The account's entitlements, active first. */
    forAccount(accountId: string, now = Date.now()): (Entitlement & { active: boolean })[] {
      return [...byOriginal.values()]
        .filter((entitlement) => entitlement.accountId === accountId)
        .map((entitlement) => ({ ...entitlement, active: !entitlement.revokedAt && (!entitlement.expiresDate || Date.parse(entitlement.expiresDate) > now) }))
        .sort((a, b) => Number(b.active) - Number(a.active));
    },
  };
}

export type Entitlements = ReturnType<typeof createEntitlements>;
