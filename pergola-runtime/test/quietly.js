/** Runs `fn` (sync or async) with console.error silenced, for tests of errors the runtime logs. */
export async function quietly(fn) {
  const original = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = original;
  }
}
