// The floor: what the same work costs with nothing but promises.

export async function spawnJoin({ groups, tasksPerGroup }) {
  let done = 0;
  const task = async () => {
    done++;
  };
  for (let g = 0; g < groups; g++) {
    const pending = new Array(tasksPerGroup);
    for (let i = 0; i < tasksPerGroup; i++) pending[i] = task();
    await Promise.all(pending);
  }
  return done;
}
