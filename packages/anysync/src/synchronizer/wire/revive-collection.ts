/**
 * Revives the keys and values of a freshly deserialized `Map`, or the members of a `Set`, in place and in
 * their order: the walks that sent them (see `GraphWalk`) may have put markers there.
 */
export function reviveCollection(
  collection: Map<unknown, unknown> | Set<unknown>,
  revive: (item: unknown) => unknown,
): void {
  if (collection instanceof Set) {
    const members = [...collection].map(revive);
    collection.clear();
    for (const member of members) collection.add(member);
    return;
  }
  const entries = [...collection].map(([key, item]) => [revive(key), revive(item)] as const);
  collection.clear();
  for (const [key, item] of entries) collection.set(key, item);
}
