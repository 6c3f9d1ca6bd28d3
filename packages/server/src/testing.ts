/**
 * @payweave/server/testing: helpers for people who implement a `PaymentStore` or test their integration.
 * `runStoreContract` is the suite every store must pass (it needs vitest).
 */
export { runStoreContract, sampleCharge, sampleEvent, type StoreUnderTest } from './lifecycle/store.contract';
export { fakeChannel, fakeNotificationBody, type FakeChannel, type FakeNotification } from './testing/fake-channel';
