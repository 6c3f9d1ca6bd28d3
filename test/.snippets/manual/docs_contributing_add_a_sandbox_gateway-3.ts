export const BUILTIN_GATEWAYS = [alipayGateway] as const;
export {};
