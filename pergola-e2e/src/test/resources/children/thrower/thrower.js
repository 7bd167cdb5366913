export function mount() {
  throw new Error("thrower always fails to mount");
}
export function unmount() {}
