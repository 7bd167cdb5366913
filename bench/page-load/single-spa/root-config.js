/**
 * The single-spa root config: registers the demo's header and three children with single-spa
 * (from its npm package), each loaded through the page's import map when its route is active.
 * The header, shipping (custom elements) and profile (mount/unmount) are wrapped in single-spa
 * lifecycles; billing is written to the protocol already. Bundled with ../host.js by esbuild;
 * bare specifiers stay for the import map.
 */
import { navigateToUrl, registerApplication, start } from "single-spa";
import { createHost, moduleApp, pageUser, webComponentApp } from "../host.js";

const host = createHost({ user: pageUser(), navigate: navigateToUrl });

/** The element an app mounts into: its own `<div>` in the header slot or the outlet. */
function container(target, name) {
  const parent = document.querySelector(target);
  let el = parent.querySelector(`:scope > [data-app="${name}"]`);
  if (!el) {
    el = document.createElement("div");
    el.dataset.app = name;
    parent.append(el);
  }
  return el;
}

function register(name, activeWhen, target, load) {
  const context = host.contextFor(name);
  registerApplication({
    name,
    activeWhen,
    app: async () => {
      const app = await load();
      return {
        bootstrap: async () => {},
        mount: async () => app.mount(container(target, name), context),
        unmount: async () => app.unmount(container(target, name)),
      };
    },
  });
}

register("header", () => true, "#slot-header", () => import("header").then(() => webComponentApp("acme-header")));
register("shipping", "/shipping", "#outlet", () => import("shipping").then(() => webComponentApp("acme-shipping")));
register("profile", "/profile", "#outlet", () => import("profile").then(moduleApp));
registerApplication({
  name: "billing",
  activeWhen: "/billing",
  app: () => import("billing"),
  customProps: { pergola: host.contextFor("billing"), domElementGetter: () => container("#outlet", "billing") },
});
start();
