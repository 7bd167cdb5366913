/**
 * The monolith: the demo's children and libraries in one bundle (esbuild), with a hand-written
 * router that mounts the header always and the route's child in the outlet, as one application
 * would. Bare specifiers resolve to the examples' sources and the demo's library files at build
 * time (see ../build.mjs).
 */
import "header";
import "shipping";
import * as profile from "profile";
import * as billing from "billing";
import { createHost, moduleApp, pageUser, singleSpaApp, webComponentApp } from "../host.js";

const host = createHost({
  user: pageUser(),
  navigate(path) {
    history.pushState(null, "", path);
    dispatchEvent(new PopStateEvent("popstate"));
  },
});

const routes = [
  { path: "/shipping", name: "shipping", app: webComponentApp("acme-shipping") },
  { path: "/profile", name: "profile", app: moduleApp(profile) },
  { path: "/billing", name: "billing", app: singleSpaApp(billing, "billing") },
];

const outlet = document.getElementById("outlet");
let current;

async function reroute() {
  const path = location.pathname;
  const next = routes.find((route) => path === route.path || path.startsWith(route.path + "/"));
  if (next === current) return;
  await current?.app.unmount(outlet);
  current = next;
  await next?.app.mount(outlet, host.contextFor(next.name));
  dispatchEvent(new CustomEvent("pergola:mounted"));
}

webComponentApp("acme-header").mount(document.getElementById("slot-header"), host.contextFor("header"));
addEventListener("popstate", reroute);
reroute();
