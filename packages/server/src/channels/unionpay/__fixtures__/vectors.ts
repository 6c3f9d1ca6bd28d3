/** Known-answer vectors U2-U4 of vectors.md (see README.md for provenance). */

/** U2: a 5.1.0 web consume request (own parameters), signed with the K6 test key. Empty reqReserved is dropped. */
export const U2_PARAMS: Record<string, string> = {
  "version": "5.1.0",
  "encoding": "UTF-8",
  "txnType": "01",
  "txnSubType": "01",
  "bizType": "000201",
  "signMethod": "01",
  "channelType": "08",
  "accessType": "0",
  "backUrl": "https://example.com/unionpay/back",
  "frontUrl": "https://example.com/unionpay/front",
  "currencyCode": "156",
  "merId": "777290058110048",
  "orderId": "20240102030405001",
  "txnTime": "20240102030405",
  "txnAmt": "1000",
  "certId": "68759663125",
  "reqReserved": ""
};

export const U2_SIGN_STRING =
  "accessType=0&backUrl=https://example.com/unionpay/back&bizType=000201&certId=68759663125&channelType=08&currencyCode=156&encoding=UTF-8&frontUrl=https://example.com/unionpay/front&merId=777290058110048&orderId=20240102030405001&signMethod=01&txnAmt=1000&txnSubType=01&txnTime=20240102030405&txnType=01&version=5.1.0";

export const U2_SHA256_HEX = "77d83d79369ea83a601de82462f2db9a706e144ced10e311b83fe647bbd380f3";

export const U2_SIGNATURE =
  "IkCjeXv8zstQr797Q/XpqhR1a8khQTInH6zQ7Npr618T+iYgZoADdWqmLdO6qEAY4MPgcOYMWHPhov9Y7AEtPJZh+yjQXLnc0I1FqWxn0qwkTVL69XdZsLVkDWinZhiTfTyFsqg1dqb6NhD07rWQk/LY3f9GLBU2W47vQAiv67cKex1sMzy4DAFow7i+AEQBdddyNnWbTC+T8pB59mkDOzoliBmKl85d61LaAUCpB7C1qFEXWVaNWaMRgs/uBFKYCi6uptQpULmKKn4fRqwh4rFxl3Se/mRONuvvGPQq2FUkxj4XYFJddvqVC+Ffp9BrfO0LiU6SOfYsIYzMPhP/FQ==";

/** U3: U2 with version=5.0.0 (SHA-1). */
export const U3_SHA1_HEX = "c82893515499d8407863ae4301a3defb0ed0f3da";

export const U3_SIGNATURE =
  "0tO4YrYwMWEnI2ITXidRGiyCoWSqrjdcupMcSLRl2S6116UO0N2XZM9REDn+5XGJpcYUpYZD2Z+QRzPu6ak2gQCKdJmx7XwQRUUzDLAC0qRpYNDLMDr6oObyMgGmnrH3WiJAax1B/aYRXcBR8l/nJqRoOk+dUF1e1eE+oiqjapC8HADjSg6UC+uCLnebZOapLrqoNld0B/uPNfb4scl3N0Bdkwiy+nZQunjo9ZQpGYe2KaskxZk+BcWTGXJZXaioQKz5p+pjoL7gAdgfbUx78utzdLOH7X8vOPrkJqc5buHE/UyAye5SpnDAHTjPpIfS9C5XtE1grUXBH3x2DeKFbw==";

/**
 * U4: a real txnType=79 front notification signed by UnionPay's test gateway (form-urlencoded, verbatim).
 * Its signPubKeyCert was valid 2015-12-04 to 2017-12-04: verify with a clock inside that window.
 */
export const U4_MESSAGE =
  "accNo=JNL7tMFx4D4Acs%2FyP0aKzREMOUZsdGr2eXRB%2FkzafXK8PfM7%2F9E1MucZ7uxF7XZRqFthJ5YtsbK2WjBpYN8dxG1HVOD%2BLncWlTO%2FKX5OaYmAeVGc5p2buiUq0Pt85Zc1mwTPzW4CjwbaktakA1Uxmm%2FtOhmso%2Bbm9JQX9WN2EpJ0eqoDuWF1gEGkriSKaG4SzEBARvs1aLX5SOh7zrKJRK0FbYdhtkL080QpCxB8%2BPE1pFSr%2FNIrZv5SI6KNmGJ02XgdRoeuqae2kC2r0S2ud1JKfyjtttL8ESfKAA9Oz1Fq%2FBiOc695XL9fo3MNVdi7a%2BjXVQSsQWV2prIEgUFh1g%3D%3D&accessType=0&activateStatus=1&bizType=000902&customerInfo=e2VuY3J5cHRlZEluZm89SytaYWNwb0RzM05vQisvQm9HWkZBbTFCT2YzbXNZeTNpRDNSaTVrOWFYdlhPVTlYcVR3L1RuUzFWOURqWlBSMUx3S0pQOEFPczBwZkp6dHBGMVJlYllrOEJKVjMzV2ZTV2I5ZkRQU1h4WERqOXBqV2J0akljRDgwNW95OHRmUXJoWld6a0N1T1ViSjRFQlJKejhzSDNTaVdEZWduakloOFdoc0tEalc0OTBjT0tjSW1aemd5ekhGVUZ6clBWNlhUUmtwc0p3Y2VYOEovYXJxcE9qaDJIZVptZnJ2L0M4YnZhNHlhV01LWktwNE9jcnNreDJwdFpGbTkyVjRYZlEvV0Zld3FLWFR6SElwcWNDWVFodWhQdjdTQlJoV0dkakxoWmFMWndmaDFoRko4ZXZRbDdqVkoxM2JYdUlLV2Q2Vm1mb2g5amhSaTZuYjM5eDhHZk9hZEJnPT19&encoding=utf-8&merId=777290058146592&orderId=20171030223623&respCode=00&respMsg=success&signMethod=01&signPubKeyCert=-----BEGIN+CERTIFICATE-----%0D%0AMIIEOjCCAyKgAwIBAgIFEAJkAUkwDQYJKoZIhvcNAQEFBQAwWDELMAkGA1UEBhMC%0D%0AQ04xMDAuBgNVBAoTJ0NoaW5hIEZpbmFuY2lhbCBDZXJ0aWZpY2F0aW9uIEF1dGhv%0D%0Acml0eTEXMBUGA1UEAxMOQ0ZDQSBURVNUIE9DQTEwHhcNMTUxMjA0MDMyNTIxWhcN%0D%0AMTcxMjA0MDMyNTIxWjB5MQswCQYDVQQGEwJjbjEXMBUGA1UEChMOQ0ZDQSBURVNU%0D%0AIE9DQTExEjAQBgNVBAsTCUNGQ0EgVEVTVDEUMBIGA1UECxMLRW50ZXJwcmlzZXMx%0D%0AJzAlBgNVBAMUHjA0MUBaMTJAMDAwNDAwMDA6U0lHTkAwMDAwMDA2MjCCASIwDQYJ%0D%0AKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMUDYYCLYvv3c911zhRDrSWCedAYDJQe%0D%0AfJUjZKI2avFtB2%2FbbSmKQd0NVvh%2BzXtehCYLxKOltO6DDTRHwH9xfhRY3CBMmcOv%0D%0Ad2xQQvMJcV9XwoqtCKqhzguoDxJfYeGuit7DpuRsDGI0%2ByKgc1RY28v1VtuXG845%0D%0AfTP7PRtJrareQYlQXghMgHFAZ%2FvRdqlLpVoNma5C56cJk5bfr2ngDlXbUqPXLi1j%0D%0AiXAFb%2Fy4b8eGEIl1LmKp3aPMDPK7eshc7fLONEp1oQ5Jd1nE%2FGZj%2BlC345aNWmLs%0D%0Al%2F09uAvo4Lu%2BpQsmGyfLbUGR51KbmHajF4Mrr6uSqiU21Ctr1uQGkccCAwEAAaOB%0D%0A6TCB5jAfBgNVHSMEGDAWgBTPcJ1h6518Lrj3ywJA9wmd%2FjN0gDBIBgNVHSAEQTA%2F%0D%0AMD0GCGCBHIbvKgEBMDEwLwYIKwYBBQUHAgEWI2h0dHA6Ly93d3cuY2ZjYS5jb20u%0D%0AY24vdXMvdXMtMTQuaHRtMDgGA1UdHwQxMC8wLaAroCmGJ2h0dHA6Ly91Y3JsLmNm%0D%0AY2EuY29tLmNuL1JTQS9jcmw0NDkxLmNybDALBgNVHQ8EBAMCA%2BgwHQYDVR0OBBYE%0D%0AFAFmIOdt15XLqqz13uPbGQwtj4PAMBMGA1UdJQQMMAoGCCsGAQUFBwMCMA0GCSqG%0D%0ASIb3DQEBBQUAA4IBAQB8YuMQWDH%2FZe%2Be%2B2pr%2F914cBt94FQpYqZOmrBIQ8kq7vVm%0D%0ATTy94q9UL0pMMHDuFJV6Wxng4Me%2FcfVvWmjgLg%2Ft7bdz0n6UNj4StJP17pkg68WG%0D%0AzMlcjuI7%2FbaxtDrD%2BO8dKpHoHezqhx7dfh1QWq8jnqd3DFzfkhEpuIt6QEaUqoWn%0D%0At5FxSUiykTfjnaNEEGcn3%2Fn2LpwrQ%2Bupes12%2FB778MQETOsVv4WX8oE1Qsv1XLRW%0D%0Ai0DQetTU2RXTrynv%2Bl4kMy0h9b%2FHdlbuh2s0QZqlUMXx2biy0GvpF2pR8f%2BOaLuT%0D%0AAtaKdU4T2%2BjO44%2BvWNNN2VoAaw0xY6IZ3%2FA1GL0x%0D%0A-----END+CERTIFICATE-----&signature=bgBkZYfBPzW412RqZodTtdyx3cnuTcIVH1ZMFNfOCMeOENu%2BeYckkMu9uJp5UDA%2FzwI5OSzsXFS4F2xbD%2FbMQg%2FWM8x4rGzSttEkZuPjEzO5ojUfyFfKfF%2FpCXbASIf7wpypjnXHcAEYvUqeK3lt399VlYBQ6wmt1M9ntS5w5j%2FvL9zXkfMpRTSxj7GriulwDodZI%2F%2FcDimPka606HMS9SsSyNa16tKouw6XdRHNcfdJRrkQNAL6hXxtM21mBC54hNp%2Busqn8xPBv8LAzCkFpJOjihC0jDUXlc1c2uMgtgIV0zlDPsOiezzMaACJf%2B8Tn1zNLKjmPfQZmimh8EAIrA%3D%3D&tokenPayData=%7Btoken%3D6235240000020757577%26trId%3D62000000001%26tokenType%3D01%26tokenBegin%3D20171030223632%26tokenEnd%3D20221029223632%26tokenLevel%3D10%7D&txnSubType=00&txnTime=20171030223623&txnType=79&version=5.1.0";

export const U4_SHA256_HEX = "e9fa180c291a5d8016c720b14a7339bc26f0af44105ab4ba74e57ff7975e80da";

/** txnTime of U4 (2017-10-30 22:36:23 Beijing time), inside the embedded certificate's validity. */
export const U4_VALID_AT = Date.parse("2017-10-30T22:36:23+08:00");
