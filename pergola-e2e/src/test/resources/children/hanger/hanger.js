// Its mount never settles: the runtime must give up after the mount timeout.
export function mount() {
  return new Promise(() => {});
}
export function unmount() {}
