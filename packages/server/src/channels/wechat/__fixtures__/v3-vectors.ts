/**
 * TEST ONLY. WeChat Pay APIv3 vectors W7-W15 of shared/protocols/vectors.md. Keys: K5 (k5.ts). W7 and W12 come
 * from wechatpay-go tests; W8-W11, W14, W15 were produced with wechatpay-axios-plugin 0.9.6 and checked with node:crypto.
 */

/** W7: SHA256withRSA("source") with K5. */
export const W7_SIGNATURE = "BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz+pp4hAm6pHU4ld815U4jsKu1RkyaII+1CYBUYC8TK0XtJ8FwUXXz8vZHh58rrAVN1XwNyvD1vfpxrMT4SL536GLwvpUHlCqIMzoZUguLli/K8V29QiOhuH6IEqLNJn8e9b3nwNcQ7be3CzYGpDAKBfDGPCqCv8Rw5zndhlffk2FEA70G4hvMwe51qMN/RAJbknXG23bSlObuTCN7Ndj1aJGH6/L+hdwfLpUtJm4QYVazzW7DFD27EpSQEqA8bX9+8m1rLg==";

/** W8: doc walkthrough GET /v3/certificates. */
export const W8 = {
  mchid: '1900009191',
  serial: 'F5765756002FDD77',
  timestamp: '1554208460',
  nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
  message: "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n",
  authorization: "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",serial_no=\"F5765756002FDD77\",timestamp=\"1554208460\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"RjVFHMcrr9NsM4SiNmpFx6QPR99WztxatBshmr/6f7pXnt2YSPAhmNrEEAjWgpOcf5Zxbwl2qdPACOsEOeGrnLD81nVK3ucJq50iD0FAyF11knd1C9ic7zV9Jg3zao0+Wx3yAI6jXx6NLBEfNNspCazrQ+IHsUi04tubSBsT+4LHT9j0rL9axFBl7jVYe7uZ1ZQzap8EokLHDQbYw6qPEOs85+a2rnudh3TCPe81oUfe0zPqwEE6sWxxeSCYx+1mbURsOAN4Z8/uKgOIZxbDAkqYWFb7VOaHFeejC1rsxUc7wkw0zQWxae1giswROXii1DorwdJ3CGlPchx0PyDjkQ==\"",
};

/** W9: POST /v3/pay/transactions/jsapi (same timestamp and nonce as W8). */
export const W9 = {
  body: "{\"appid\":\"wxd930ea5d5a258f4f\",\"mchid\":\"1900009191\",\"description\":\"Image形象店-深圳腾大-QQ公仔\",\"out_trade_no\":\"1217752501201407033233368018\",\"notify_url\":\"https://www.weixin.qq.com/wxpay/pay.php\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}}",
  message: "POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"appid\":\"wxd930ea5d5a258f4f\",\"mchid\":\"1900009191\",\"description\":\"Image形象店-深圳腾大-QQ公仔\",\"out_trade_no\":\"1217752501201407033233368018\",\"notify_url\":\"https://www.weixin.qq.com/wxpay/pay.php\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}}\n",
  signature: "pKydeqfpHzaSiyUF8rbk2d37Kk2vjygRhbBvonkdW3UrtnhW5jj8QEzprNPceK2AtM771KNxQfZD8C9LdBLhnoPuyeIHVFXpShZyUyVDXriGYUGQqFd3eqcyidvXA2hV1xlrmx6yqL8m4zAaOsVsfDLD+bIglo4/EVDjhvKUCMGeRgZc99X6ZOfK+idiZalWWepwjqHrKLy20RRw84USw1grKdB3Ofij0uIy9HPduPTLZINb+FT/3nZb+OpYvtLOx9An5HNt2kzqXdX8V4Xbu2Cjde41woDurUgyo8DhUv31Ke41D20z7AtOIya8xxlD+uomv+BAC7vb7magrKm/Gw==",
};

/** W10: GET with a query string. */
export const W10 = {
  message: "GET\n/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1900009191\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n",
  signature: "tGKOmPaWEuJnA5FdW8DLxEOfRXQV3jbqOg5o+dzgLQYTttK5AJIQt1IhC/yyQfssYvU4bc8mVlc9B7w5yVK7qbw+p18/7/jHUWHXNzE3padEhmys3RIFQzS/ccNK5V65O4TRyK4FYNAJpeJZtVL8FE5N8PoGfXHGIs8+dEOG0KUrOvo5rbup3prowEyeb6dTdq0sRZAsqSiucxS0wibmu2dsisDgYm8acaFcFZqcET/0EBI8gRWiiXrFdaGS6izj+1P8QW6jyj/Jr0sv3aBotJE14CWDjKmUEPNNtWo/DiKvO0CvnOi0sMiYRuqAs3vFCdyPoGkR1I8nX6H1vJ1PBQ==",
};

/** W11: response verification (K5 as platform key, serial F5765756002FDD77). */
export const W11 = {
  timestamp: '1554209980',
  nonce: 'c5ac7061fccab6bf3e254dcf98995b8c',
  serial: 'F5765756002FDD77',
  body: "{\"appid\":\"wxd930ea5d5a258f4f\",\"mchid\":\"1900009191\",\"out_trade_no\":\"1217752501201407033233368018\",\"transaction_id\":\"4200000000000000000000000000\",\"trade_state\":\"SUCCESS\"}",
  signature: "EL+wY++Zv8PCFcB7GQ0B0J9NmeeIpotrxBNsBQvAsoHQm0R+WpgzruCPy1pKA2qJmoANfefUWAVIMHyNTCTD9nm+zwyBi9lOgQv4deyF/MihhWn6WqwjSNfbtzbbvkD6IGklCgcQALUKRBZcCOMKuV0UZ7/boOr2aI95CzxkKjR0SP3wye46cmXC7hm7FNHenKeqLiSF/k6+wOaqy0aVo+U4aluI4U2vRkOa+JFlOuCFwzPhK/Gz4Ip1NcdcPPazDtzpfp0nFRu2VRtgx7Z8y4/FkaT/rrnM72Ng7DdHU59M8SvnWN6+K3Zavr9m9x9gC7rnztgtIGY2zfiyIG6lYw==",
  emptyBodySignature: "2KjblL4kjCDgxa69eexKN10rB7UdPqmw2wn4slUaPHCYLY1TAwScXSMnPIZ2fv6jkqI0x25yOWhl+ZSXR6PNPbG/clJrcqNzzFJtzTAyZ4YDyAINaPAiIY4qZYm6t/XIYqEkDKlBUG+NwOJe+96vbciGPD5dv58TbUBaHgdcz8gfYeYwbB4hf7pOOg1YJZPwhQdB1iPgQcaGzYZn0b43efi4qwDiIXl1wgyIAXsQxKyOIQAwbS8tgloL+GOr61Px0BGGwmh/0D5j1X4mZA1dxFyprU4mB95W4n3WpQmEJz91luUBqMfz3jo1zxRmLFjJDVdd2/qct0WD6fzD3HyQvw==",
};

/** W12: the wechatpay-go notification (16-byte APIv3 key, so AES-128-GCM; clock 1624523846). */
export const W12 = {
  apiV3Key: 'testMchAPIv3Key0',
  headers: {"Wechatpay-Nonce": "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz", "Wechatpay-Timestamp": "1624523846", "Wechatpay-Serial": "D7CE59D1F522D701", "Wechatpay-Signature": "tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tuL4fC0YOFRWIHV39UFIZXC0e9Wl6lBu6sKvkqDkzpqzBsVHyXFlbYZTOQrVdG4b6LfTnK4mikv9++ixJMd3vTf2yCqvBkh98zs3Ds5zsYQakzbcwhmw4fMJs4nPLws28H0UW9FjDR//rxELLwXvV1VEA1IBLX70xptjL8hrfUjEE8kkry6yNJTHZRU8CAc7qHli2Ng1V1qb9ARbK8A3ThmFmPQvRGrapI/jS2laKKgYUmfdEdkNO6B2Cke5e8VTxY406ArAmQ90GAihDwIcb16TQMnzCMBoutnwZKNiKRACrFmtxw2Q=="} as Record<string, string>,
  body: "{\"id\":\"3119dfba-e649-5eec-ab1e-3412bc4d2e17\",\"create_time\":\"2021-06-24T16:37:26+08:00\",\"resource_type\":\"encrypt-resource\",\"event_type\":\"PAYSCORE.USER_OPEN_SERVICE\",\"summary\":\"签约成功\",\"resource\":{\"original_type\":\"payscore\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"YDS3lKPaC4Y52Gf3uhft5qUBlIa8b428AWTtTauHQfQrRw+X1WpiuHIDy0vo1Vd6VEq67aVyqPdDYMkRVSDaZL3iZttevRMOoPKMifozg6XPWjIZumks/GpT48lI4NizyeaqLBokNebthah3o1H76qSlO9NkDjp9bzmKLEYYH9TEklFUpsvPqOTOcgSLgh21YJXYR7dEBXFgRLiNIKRgO5JdXh1hccRUAlyVWxE54PXpnQ==\",\"associated_data\":\"payscore\",\"nonce\":\"Kj7QIyUiYx1q\"}}",
  plaintext: "{\"mchid\":\"1234567890\",\"appid\":\"054aa7d7a2a54ab5898df65bd96f001c\",\"create_time\":\"2020-06-30T12:12:00+08:00\",\"out_contract_code\":\"21640bdbd08e473e828f3206a2741c6e\"}",
};

/** W13: small AEAD vectors (key, nonce, aad, plaintext ASCII; ciphertext||tag base64). */
export const W13 = [
  { key: 'testAPIv3Key0000', nonce: 'wCq51qZv4Yfg', aad: 'Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8', plaintext: 'Hello World', ciphertext: 'FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC' },
  { key: '0123456789abcdef0123456789abcdef', nonce: '0123456789abcdef', aad: '', plaintext: '', ciphertext: 'GvpmmdtYwexXIPhySs9Tlg==' },
  { key: '0123456789abcdef0123456789abcdef', nonce: '0123456789abcdef', aad: 'world', plaintext: 'hello', ciphertext: 'APoZlYpivU3HjbAiB4CvW1rAFr8J' },
] as const;

/** W14: a complete TRANSACTION.SUCCESS notification with a 32-byte APIv3 key. */
export const W14 = {
  apiV3Key: 'abcdefghijklmnopqrstuvwxyz012345',
  mchid: '1900009191',
  appid: 'wxd930ea5d5a258f4f',
  headers: {"Wechatpay-Timestamp": "1704160805", "Wechatpay-Nonce": "fdasfjihihihlkja484w", "Wechatpay-Serial": "F5765756002FDD77", "Wechatpay-Signature": "1RQ20PwFhRGycCtSUT08KVvMl+zDMCI2HIhO41AIm8vrNuXE47nxqqDJCphf/YLD2O/7hChEPhkh5jAmi1obaw9uJxWSfbqQmgNHbfndDmH/n8AyqBVKmz1dOV9UB3NdVcYy0igBmCj1/suROX2i+tX6GyalalJKwNv3Ocw4hp6EuQ3priW9jyeCZSDg5XIxpqc2PIBAKt9hO9qNXNq4ybVBzaNJuSTlqKiVrJdMKvQJs0H0aSVD8gwWnWfXU2Z6LDtdQTjT9tHJgLDtDoXuM7XSsGGfVS1tCLd1m4eGJ3v1+j2VRKG33b1+csB+ZOMIzN8iHFolsxDTsZH2kEdx1Q==", "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048"} as Record<string, string>,
  body: "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2024-01-02T10:00:05+08:00\",\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\",\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"r7Pbobstsgt9mK4mr02VtoQcDpuusTvSpOAJJtSeHl6WHowaJPbmoCOK2Pln/K3EwEwLTpiHCdpVokTvR5aE75KeHqT8XUIBIl2QIekQE2FUz7XzJ/3OKlgOmurdfOu6mE/4d32NSJOf5ptKy7if3Vh0PRz6mVXDER4+bs5g3kqnslMXrbPQb5J8n1aNCtgYHwzC0SqkV6Q1j8JCKst2/8W9Czca2lxU0ZJ1Yi7aeHShPiVXL5oa0ntr411W+jwS2p5N6aD7ehXUKaGdf4XxdIvl5rpyVwstoK/NAYXdPPjvovyPY/RHRVUZSlaVvUa16DK0b7ZtHxZHkcctWdfBi8sQAyhwiPP5sckJkORFeYIzU0I+ESuZTCpyuXkWn+rMLuEflKAYSBeg7tmVqAOW8B2IrP2zYD9uUgwuBMQoxKhVI5vsFkd+H8f14PDuFeZVDyQaOTrCIVxtIfdRn6xwf77KkvFr56pTg5VH7+LRl7EQnF9ck3GNooAtjXGhdq8ZVsxMItEhT5iq2A0qh4MtdfIIuoZIyH3IdevIJ1p9ARQlmuOJWMt8s64FNoq1o2BKVyrmFQt9qCyLh6qrvWqH\",\"associated_data\":\"transaction\",\"nonce\":\"fdasflkja484\"}}",
  plaintext: "{\"mchid\":\"1900009191\",\"appid\":\"wxd930ea5d5a258f4f\",\"out_trade_no\":\"1217752501201407033233368018\",\"transaction_id\":\"4200000000000000000000000000\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"OTHERS\",\"attach\":\"\",\"success_time\":\"2024-01-02T10:00:00+08:00\",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},\"amount\":{\"total\":100,\"payer_total\":100,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}",
};

/** W15: client-side payment signatures (v3, K5). */
export const W15 = {
  appId: 'wxd930ea5d5a258f4f',
  timeStamp: '1414561699',
  nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
  prepayId: 'wx201410272009395522657a690389285100',
  jsapiPaySign: "jUJTKs/Ews0yOGbrsmE9LE9Gzf5Bj8OaZAVyBm0rpPBd/W7KQ/taQeckcA1fyxZGiy4vCSiBktnY5FzPL7e17oDN/GJmVsMIXMvEJf2coe0SmDje7vIaDyBf+vI7q6n3kDuh2gNCLdwBjayPQGb170JcRJrLyzVr2WtnF1qKLWMqjViYygJ5HeFMokksBogjsPT0taqzxR78B10NDS6sHjXkvWYb2d66iWXK5Xs2+13sDahcim2n1lcxDFmkRhii8U7uRYVvsyGlCz0aSq2W1jZpmAj2VBKwPzlozf3+dmFTjSqCLkM5UMCzimnxIyzTcsvt2+diC0AlJ1Ikrgpr9Q==",
  appSign: "TGXQpnhFmAB6x2TVXjh+C6IPFS625Vk5blfLJ7VICbiM/wtERob3+gbdLGDQhqco9qhevyZsglOFA6+L5I+Zxm6UAgU/7uOe9lB0WlqIE43ceiTf7LK2uERPB+3WSsRhaQJ+ykgGNQqTkL1TmfKz78whW41vzq/wcTiyd+PfWvr4m07f+jrY9LWLjYkar5Ua5gYYntOyJ1MUOpARWeo9bJw1GGSO8mQ7ZASru2+GVdxhlNqQ8ROwCaJ4vv9nGW7S2HTYP637g5PEU0H2NNKUYQxpf0jgChmVEpK5dfN1DI4kFdFkkeLtLMBZ1MTJLr+heiO1xJtrFDZWPDzG8k+G4g==",
};
