// Its dependency was never published: loading the entry fails with a 404.
import { part } from "./not-published.js";
export function mount(element) { element.textContent = part; }
export function unmount() {}
