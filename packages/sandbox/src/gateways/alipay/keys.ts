/**
 * TEST ONLY key material of the Alipay emulator, generated once with
 * `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`: the sandbox "Alipay" key pair (signs replies,
 * returns and notifications) and one merchant app key pair (the emulator verifies requests with its public half).
 * These private keys are public: nothing signed with them may be trusted outside tests and local development.
 */

/** The APPID the emulator accepts. */
export const SANDBOX_APP_ID = '2021000000000001';
/** The seller (PID) the emulator reports. */
export const SANDBOX_SELLER_ID = '2088000000000001';

/** The merchant's app private key (PKCS#8), handed to `alipay()` by `sandbox.channelConfigs()`. */
export const APP_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDWrY0N3WcUq8l0
hV6vi4GHnxD6IqZnmfEJW+6GkiGYe3p0rdRqrMV8Pe+B2pjdm0P4p+524FtmOpsW
oxpY2M/2duZTRzcnhg54VhAZ4CujBHzsaO7yHwAj0n+2bNUZza9pw0s7vuil+Qys
QLq26zFL9Y8TKdig4WNbdbXBM7KkyuhZR+6cMUs1AjiH/n+AiKCEq0953/jn2Rf9
mLvITzyPgMgEOnHbIF0hEdg4eKGf+3CvFXGa0LXBpIz8EOUfeLvYJ/wTwikDkP+U
pd0Xp1KDO1sf08R25iY2r/7pkoVmjjoGK/nFfDOUdYSmv9bw5K0+e/80iC/hV2/A
T2AV9BEZAgMBAAECggEAITp7usmqSujMJdz+6u0M/5D/b7gtSZvqUyiHowy7Zn62
VZkSZ/CWIMT1bYQIZUTDIJndr0jK3Of1WWuliFsG1X9R51H+l3+IfdfUZizslC79
pxoW4iMqQmEyo2n1EilkHVq9KmJCYG5MJ91dCTMeTkOUAcNYZI5+comluGHoJNl6
ohXxHrX8AEN9yg6YEHyqkrw6R0nLFdymWPAglwHeYpGc2bETPaVdl957l2RvRe0K
c91ga04sNE4vHRZ8z9NQHjHaaAyYK1P2w8vWhIuyXcq2ynQ8C8FTFImQHkx9mMOD
qEIvecFoaU2KycSSvYI75AqnH4SXE2nRM1OYYMYyAQKBgQD6dfOfjRAbj9l3Bi//
jLQaKPrXDYK5NtB/n5qpp6o2hgCCJBrWi41Y92dOn7497MxROlWKOJtD8PIXCPks
NIRnO+t7ky4LEt7phao2m+UEPMDmzKMZ0XB1du/GQVFitDUYXP9nJJ4bAKVFJ8w+
P5JuoYpZnQKMaPL4kV87fx7oXQKBgQDbbQFzr6gvFWykF7PL4yfUTcn79/ildEVC
OEbqYGF0j/YxZqLqFM7li3s1DqH+ffo3qQtNud2iNPo/jtAAod24TqjnN7hzvyCr
qsdNPLZr6n0qTUJE5IRBj2GeNnj2Jc2DFG8Aj3uEhYfd/8Z16iEmOkFQik4nTmBP
rziHaAeP7QKBgQC8IhWZ55AN5APp0BAF2V7/t4CUQWXMUkxTUUQP5A2LXyTKnOw7
9B98kHpdKMjyIwlminbumI6ofjia7PaeKeS61tuPu4J+dvJSX0D4PCnPAQO1Wkm5
fwUGdwys0yubBNpNLq36gBrzFY0PYVGeAIqx503Q+ouLhNndtPTf8CD7UQKBgQDF
1XIJq8YnLVnWWMhye0vdzoTd+KTmB/6pxbOqfVtgjKubvr4D7t7bdvaOz7KekVaX
+IGIgpuhM8Ksq0Y+S7JsCf+e+E4Fjb0XCdLHgIW4pqJTEXU+SAo2Ud/hlZtZ0puI
I1QxXSwwP3RQY9u7VGyu2rcotongRnnvXjvJWbH3wQKBgAr3+cEc3FRB522faTlK
3UA3ZLpD0Ax3twIffAo1KBSIyLW3CMoMWZMTWbPq5I+CbolONr4dAY0jDbFecj9j
ghYM5Z3LVq0vwkUf/daR8TlWYNnXbRzykTsP3voXxlWg9Eg0/KJ0rPwsgXBEgszJ
ZolxIwMFOwKtEd3yV9FaNKRZ
-----END PRIVATE KEY-----
`;

/** The app public key the emulator verifies merchant signatures with (what a merchant uploads to Alipay). */
export const APP_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1q2NDd1nFKvJdIVer4uB
h58Q+iKmZ5nxCVvuhpIhmHt6dK3UaqzFfD3vgdqY3ZtD+KfuduBbZjqbFqMaWNjP
9nbmU0c3J4YOeFYQGeArowR87Gju8h8AI9J/tmzVGc2vacNLO77opfkMrEC6tusx
S/WPEynYoOFjW3W1wTOypMroWUfunDFLNQI4h/5/gIighKtPed/459kX/Zi7yE88
j4DIBDpx2yBdIRHYOHihn/twrxVxmtC1waSM/BDlH3i72Cf8E8IpA5D/lKXdF6dS
gztbH9PEduYmNq/+6ZKFZo46Biv5xXwzlHWEpr/W8OStPnv/NIgv4VdvwE9gFfQR
GQIDAQAB
-----END PUBLIC KEY-----
`;

/** The sandbox "Alipay" private key. */
export const GATEWAY_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCs7T96wz518Lhc
DzI7UpIQbQ3HbS2VDTVzJqcbmSZ3Kgf0MF5TUuQakKM1Zg3FkGJ6hN7BGaQQI9ER
eHSMOm0DT+GP6UU4SF5qNpApMazX5GjDgOFS5+IcBabuKCKkczJ1c9SEl+2aEZ8G
OUDzv9CxicAZhucmd8996K/G6jcGcix61qBIlwozM2hj2md8vlIyBKNdiuRr8HEW
tqjkiCIR80cY4FGgFRRMVnlex7iX3PL2qQZ+Tcb+mSr4jOIrFDKjK3rwWWsMURy8
sCFtf4e42BavqbZXNqF0FlfCEpFykm294xGZakMk6nCPg27LpUpJ+FUAUIp0W2cV
PkM8ZlOpAgMBAAECggEAB8ye2iltK0JDUQ+fEIg4WJpP4/M7ejysG6NI0oNVS0xE
1ebKkk/WRDvKyKaaL2jEMEocMTG4Bxb+dR8YLpeXVsNnD9JnEf3y7YUZemooUAfC
u91CYbazVC04arG6YkK51LdNL0/E4nfcqBoJS7/BKLNm9nUcVCKqOT+3PIL6yVpm
LHXfP+n7PmIRKp/rtUZPwWqCJP/kwzFCb6n5Camuk0JZ6czsIIZDfWyz1rPL/Dl2
PO2PDuwvXXW2NVRAsE9MI+O17nOv87Dd1pgANrxD6dBvBR7XUGnhoCbdN1kOJevP
mni1liOdbJTsIppK9/Kg37sIrMnfwldvA6jnU5aCYwKBgQDpeupkpz/KVoa7BFK8
Ylc/lGVC8MtCF2Z3RUwTyV/p3HuOVBtuhmsok+M1mygvKBP0KYhAm+EbZj+qR+pL
xaZgr3hGz8AF2yTXBxro3eWXDDEMcsW8Skddy1ng4X/bZuGXNNjWniqujZDjQHMz
pj/tokHOYjAlvp7QcYgwdwD0vwKBgQC9myZi/3Mfq3ufrCRXz+6gboN7xyZmsWGa
7kPLFIqZvCoewFZhjZk7pM1muAjoml9HUQV2snc2K6KOh4OQ0als6+dbfcAs4NhN
jQGgxhC9UrzDogSTeD1sy5UgcCkmdyV/VujwWkE4c6MbZvWI+MUQsoSlyICu8Yma
XrhmBFTJlwKBgQDorbYp2QOZgeGDPyu00cxhcGH59D6b/vX+pvDKR0Vuqmv3y5oK
66qfJcKpCZdiZ257RWij+rS7uYp5CHJWUQMeF8Cl0SRssZhlMo9+wqSrg1reLQMi
QmQc9Sr9Eb15yW3IYsI2ICopCqv5zaEBOA09pRYvt2qEMxPSZ1Jx+ibZwQKBgA1h
cp8P6f71Kh9FlbcAvJVj1zGYB1S99eZqJCyjwXhB+DL9Xds6k/LKmZhDKpXHtyug
QyNySslu4OTwGU/SDAPczhH92N8R6xHl/pRrBelmel3QBESn+qW/5EFKyQym4eWP
q5ayt+GU/5DCfldxPu8Duiq88J/n+c8EGj1Q1u73AoGBALKC93TLD1iASucL6ryI
Fg93BKwShTr3mVFyyjU4JA0BrclYQuVxfS9fnFb5PRJZ7nXTZWXbpmM12+k5UlSW
/pD0d1gjcEdYJmbVui26iiNj8NGMbt/bjBDODj0eik65ob2Sfcw45NJ3ALIqmdJn
Q5j7l3T49qCPUomW9R9Fkxld
-----END PRIVATE KEY-----
`;

/** The sandbox "Alipay" public key, handed to `alipay()` as `alipayPublicKey`. */
export const GATEWAY_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArO0/esM+dfC4XA8yO1KS
EG0Nx20tlQ01cyanG5kmdyoH9DBeU1LkGpCjNWYNxZBieoTewRmkECPREXh0jDpt
A0/hj+lFOEheajaQKTGs1+Row4DhUufiHAWm7igipHMydXPUhJftmhGfBjlA87/Q
sYnAGYbnJnfPfeivxuo3BnIsetagSJcKMzNoY9pnfL5SMgSjXYrka/BxFrao5Igi
EfNHGOBRoBUUTFZ5Xse4l9zy9qkGfk3G/pkq+IziKxQyoyt68FlrDFEcvLAhbX+H
uNgWr6m2VzahdBZXwhKRcpJtveMRmWpDJOpwj4Nuy6VKSfhVAFCKdFtnFT5DPGZT
qQIDAQAB
-----END PUBLIC KEY-----
`;
