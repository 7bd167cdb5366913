/**
 * The billing team's child, written with Vue 3 (shared through the import map as `vue`) and
 * exported with the single-spa lifecycle protocol, as an existing single-spa app would be:
 * `bootstrap`, `mount` and `unmount`, each receiving single-spa's props plus Pergola's context.
 *
 * `/billing` lists invoices with their total; `/billing/invoices/<id>` shows one, with a "Pay"
 * action that publishes `billing:paid` on the event bus (the header shows it).
 */
import { computed, createApp, h, onMounted, reactive } from "vue";
import "design-system";

const API = "/demo-api/billing/invoices";
const money = new Intl.NumberFormat("en", { style: "currency", currency: "EUR" });

/** The title shown on the list page; change it to see a new version reach the running shell. */
const TITLE = "Invoices";

function billingApp(props) {
  const context = props.pergola ?? props;
  const state = reactive({ invoices: null, error: null, path: context.route?.path ?? location.pathname });

  async function call(url, method = "GET") {
    // The bearer token for the billing API, when the shell has a login configured.
    const headers = context.auth?.user ? { Authorization: `Bearer ${await context.auth.getToken()}` } : {};
    const response = await fetch(url, { method, headers });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return response.json();
  }

  async function load() {
    try {
      state.invoices = await call(API);
    } catch (error) {
      state.error = error.message;
    }
  }

  async function pay(invoice) {
    const paid = await call(`${API}/${encodeURIComponent(invoice.id)}/pay`, "POST");
    Object.assign(invoice, paid);
    context.events.publish("billing:paid", { invoice: paid.id, amount: money.format(paid.amount) });
  }

  function go(event, path) {
    event.preventDefault();
    context.navigate(path);
  }

  return {
    state,
    load,
    setup() {
      // Loaded already when mount waited for it (a page with billing's server rendering).
      onMounted(() => state.invoices ?? state.error ?? load());
      const total = computed(() =>
        (state.invoices ?? []).reduce((sum, invoice) => sum + invoice.amount, 0),
      );
      return () => {
        if (state.error) return h("div", { class: "ds-page" }, h("p", { class: "ds-muted" }, state.error));
        if (!state.invoices) return h("div", { class: "ds-page" }, h("p", { class: "ds-muted" }, "Loading…"));
        const id = state.path.split("/")[3];
        const invoice = id && state.invoices.find((candidate) => candidate.id === decodeURIComponent(id));
        if (invoice) {
          return h("div", { class: "ds-page" }, [
            h("p", h("a", { href: "/billing", onClick: (e) => go(e, "/billing") }, "← All invoices")),
            h("ds-card", { heading: `Invoice ${invoice.id}` }, [
              h("p", `${invoice.customer} · due ${invoice.due}`),
              h("p", { "data-testid": "invoice-amount" }, money.format(invoice.amount)),
              h("p", h("span", { class: "ds-badge", "data-tone": invoice.paid ? "success" : "warning" },
                invoice.paid ? "paid" : "open")),
              invoice.paid ? null : h("ds-button", { "data-testid": "pay", onClick: () => pay(invoice) }, "Pay"),
            ]),
          ]);
        }
        return h("div", { class: "ds-page" }, [
          h("h1", { class: "ds-title", "data-testid": "billing-title" }, TITLE),
          h("ds-card", [
            h("table", { class: "ds-table", "data-testid": "invoices" }, [
              h("thead", h("tr", [h("th", "Invoice"), h("th", "Customer"), h("th", "Amount"), h("th", "Status")])),
              h("tbody", state.invoices.map((inv) =>
                h("tr", { key: inv.id }, [
                  h("td", h("a", { href: `/billing/invoices/${inv.id}`, onClick: (e) => go(e, `/billing/invoices/${inv.id}`) }, inv.id)),
                  h("td", inv.customer),
                  h("td", money.format(inv.amount)),
                  h("td", h("span", { class: "ds-badge", "data-tone": inv.paid ? "success" : "warning" }, inv.paid ? "paid" : "open")),
                ]))),
            ]),
            h("p", { "data-testid": "invoices-total" }, [h("strong", "Total: "), money.format(total.value)]),
          ]),
        ]);
      };
    },
  };
}

const mounted = new Map();

export async function bootstrap() {
  // Nothing to prepare: Vue is shared through the import map and already loaded.
}

export async function mount(props) {
  const app = billingApp(props);
  const vue = createApp({ setup: app.setup });
  const container = props.domElement ?? props.domElementGetter();
  const context = props.pergola ?? props;
  const stop = context.onRouteChange?.((route) => (app.state.path = route.path));
  // A page the shell served with billing's server rendering in the container (pergola demo
  // --server-fragments) keeps it on screen until the data is in, not "Loading…" in its place.
  if (container.dataset?.pergolaFragment) await app.load();
  vue.mount(container);
  mounted.set(props.name, { vue, stop });
}

export async function unmount(props) {
  const entry = mounted.get(props.name);
  mounted.delete(props.name);
  entry?.stop?.();
  entry?.vue.unmount();
}
