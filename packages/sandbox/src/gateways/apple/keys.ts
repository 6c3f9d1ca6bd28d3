/**
 * TEST ONLY keys of the Apple emulator: a certificate chain shaped like Apple's (P-256, marker OIDs
 * 1.2.840.113635.100.6.2.1 on the intermediate and 1.2.840.113635.100.6.11.1 on the leaf, valid 2024-01-01 to
 * 2049-12-31), generated once with OpenSSL 3.0.19; the same chain as the server's Apple test fixtures. A channel
 * trusts it only through `rootCertificates`; never use any of this in production.
 */

/** The sandbox root to pass as `rootCertificates` (base64 DER). */
export const SANDBOX_ROOT_CERTIFICATE =
  'MIIB0TCCAXigAwIBAgICEAAwCgYIKoZIzj0EAwIwUDELMAkGA1UEBhMCVVMxGzAZBgNVBAoMEnBheXdlYXZlIFRFU1QgT05MWTEk' +
  'MCIGA1UEAwwbcGF5d2VhdmUgVGVzdCBBcHBsZSBSb290IENBMB4XDTI0MDEwMTAwMDAwMFoXDTQ5MTIzMTIzNTk1OVowUDELMAkG' +
  'A1UEBhMCVVMxGzAZBgNVBAoMEnBheXdlYXZlIFRFU1QgT05MWTEkMCIGA1UEAwwbcGF5d2VhdmUgVGVzdCBBcHBsZSBSb290IENB' +
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEm2kj1JKxJwXvKATqFa6Zj+SrD4l8MNaZPEjKTpLfkgjs9TMWDy/jPYiVSWCZWnR6' +
  'pOJICiO7MiE76Gn8UxaqBaNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwHQYDVR0OBBYEFJGkSrHghaxakPR3' +
  '43p7F8uAJhJZMAoGCCqGSM49BAMCA0cAMEQCIE6P40RAGdsWI/hnugVQoNmsDcJTraddFV2t8pScWckzAiBjGW4yySDQtM9DhPs9' +
  'fV3AilcogN/VKWMl1uIwYapB2A==';

/** The WWDR-like intermediate (base64 DER). */
export const SANDBOX_INTERMEDIATE_CERTIFICATE =
  'MIICKDCCAc6gAwIBAgICEAEwCgYIKoZIzj0EAwIwUDELMAkGA1UEBhMCVVMxGzAZBgNVBAoMEnBheXdlYXZlIFRFU1QgT05MWTEk' +
  'MCIGA1UEAwwbcGF5d2VhdmUgVGVzdCBBcHBsZSBSb290IENBMB4XDTI0MDEwMTAwMDAwMFoXDTQ5MTIzMTIzNTk1OVowcDELMAkG' +
  'A1UEBhMCVVMxGzAZBgNVBAoMEnBheXdlYXZlIFRFU1QgT05MWTELMAkGA1UECwwCRzYxNzA1BgNVBAMMLnBheXdlYXZlIFRlc3Qg' +
  'V29ybGR3aWRlIERldmVsb3BlciBSZWxhdGlvbnMgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQ8+UC0HU2ytKbivQGDx6Vw' +
  '3A0Wm0xRTZGOGQRdC0CC1v7nJwt4QB4LNjEuiTaAOGRx9faXU+PEVxQwFdKgFbIWo3gwdjASBgNVHRMBAf8ECDAGAQH/AgEAMA4G' +
  'A1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQU/ynjkwMgNqTxI5FsBPX89jJJ+uYwHwYDVR0jBBgwFoAUkaRKseCFrFqQ9HfjensXy4Am' +
  'ElkwEAYKKoZIhvdjZAYCAQQCBQAwCgYIKoZIzj0EAwIDSAAwRQIhAKv2YY62ms3uh847+tgj8QENN0sbjk5ZiNlAZ0J7UAqoAiBK' +
  '+THhg5KYysV9kDcP/k26YMGeHdI5EwlA6qbV+z7siQ==';

/** The receipt-signing-like leaf (base64 DER). */
export const SANDBOX_LEAF_CERTIFICATE =
  'MIICLzCCAdSgAwIBAgICEAIwCgYIKoZIzj0EAwIwcDELMAkGA1UEBhMCVVMxGzAZBgNVBAoMEnBheXdlYXZlIFRFU1QgT05MWTEL' +
  'MAkGA1UECwwCRzYxNzA1BgNVBAMMLnBheXdlYXZlIFRlc3QgV29ybGR3aWRlIERldmVsb3BlciBSZWxhdGlvbnMgQ0EwHhcNMjQw' +
  'MTAxMDAwMDAwWhcNNDkxMjMxMjM1OTU5WjBcMQswCQYDVQQGEwJVUzEbMBkGA1UECgwScGF5d2VhdmUgVEVTVCBPTkxZMTAwLgYD' +
  'VQQDDCdwYXl3ZWF2ZSBUZXN0IEFwcCBTdG9yZSBSZWNlaXB0IFNpZ25pbmcwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASJlc5y' +
  'jojnFLNWzsGmKv8xWUTpz39ve+nR8z8eQ4JrMPR9nwgzHkkUUrhOFkOk1A8X8RKRsfkZn0PT9Sq7KzCqo3IwcDAMBgNVHRMBAf8E' +
  'AjAAMA4GA1UdDwEB/wQEAwIHgDAdBgNVHQ4EFgQU0cm8wgXPjCOx9Mjdzao1E5AwdHAwHwYDVR0jBBgwFoAU/ynjkwMgNqTxI5Fs' +
  'BPX89jJJ+uYwEAYKKoZIhvdjZAYLAQQCBQAwCgYIKoZIzj0EAwIDSQAwRgIhAMg8pC9pCKDifd5ruiHG3Gx4lMnqALHXLa0iPgEj' +
  'M4yJAiEApzJ8d/O3xHxK5t8i5331wIqf3ls4otXF7VgdcJwtWiw=';

/** PKCS#8 DER (base64) of the leaf key that signs every JWS of the emulator. TEST ONLY. */
export const SANDBOX_LEAF_PRIVATE_KEY =
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgkS+M0lWOSezveiTmHu/gb8omSd/0B/c1LsBeN9ER8f2hRANCAASJ' +
  'lc5yjojnFLNWzsGmKv8xWUTpz39ve+nR8z8eQ4JrMPR9nwgzHkkUUrhOFkOk1A8X8RKRsfkZn0PT9Sq7KzCq';

/** The app the emulator sells for. */
export const SANDBOX_BUNDLE_ID = 'com.payweave.sandbox';
export const SANDBOX_APP_APPLE_ID = 1234567890;
/** App-specific shared secret the verifyReceipt endpoints expect. TEST ONLY. */
export const SANDBOX_SHARED_SECRET = 'payweave-sandbox-shared-secret';
/** appAccountToken secret of the sandbox channel config. TEST ONLY. */
export const SANDBOX_ACCOUNT_TOKEN_SECRET = 'payweave-sandbox-account-token-secret';

/** App Store Server API TEST key: the `.p8` (PKCS#8 DER, base64) the sandbox channel config signs bearer tokens with. */
export const SANDBOX_SERVER_API_PRIVATE_KEY =
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgBGiVEJrVVWa8S7q8+UanmMsNbEDGcKCKafh+dDlNpLihRANCAARp' +
  'MflROT7jXIe+d0W29IOvlQzP/0H2ARWp9gO4RMvsbxEUToGFAeOc4aXvGlrWugBR5tzUxsjh89mJIDFk1v/g';

/** Its public key (SPKI DER, base64): the emulator verifies bearer tokens with it, as Apple does with the key it holds. */
export const SANDBOX_SERVER_API_PUBLIC_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaTH5UTk+41yHvndFtvSDr5UMz/9B9gEVqfYDuETL7G8RFE6BhQHjnOGl7xpa1roA' +
  'Uebc1MbI4fPZiSAxZNb/4A==';

/** Issuer and key ids of the TEST key. */
export const SANDBOX_SERVER_API_ISSUER_ID = '6a0e7c58-1b5c-4a7e-9d2f-payweave-test';
export const SANDBOX_SERVER_API_KEY_ID = 'SANDBOX001';
