/**
 * What a method of a primitive returns: `T` for the in-process primitive (no store), a promise of `T` for
 * one whose state lives in a store, which can only answer after a round trip.
 */
export type StoreAnswer<Store, T> = Store extends undefined ? T : Promise<T>;
