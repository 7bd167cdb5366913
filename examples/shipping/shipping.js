/**
 * <acme-shipping>: the shipping team's child, a plain web component with its own shadow root.
 * `/shipping` lists shipments, `/shipping/<id>` shows one (deep-linkable). Data comes from the
 * shipping team's API with the access token the shell hands out; nothing is hard-coded here.
 */
import { adoptStyles, css } from "design-system";

const API = "/demo-api/shipping/shipments";

/** The bearer token for the shipping API, when the shell has a login configured. */
async function authorization(context) {
  if (!context.auth?.user) return {};
  return { Authorization: `Bearer ${await context.auth.getToken()}` };
}

const TONES = { delivered: "success", "in transit": "warning", delayed: "danger" };

const styles = css(`
  :host { display: block; }
  .status { text-transform: capitalize; }
`);

class AcmeShipping extends HTMLElement {
  #root;

  async connectedCallback() {
    this.#root = this.attachShadow({ mode: "open" });
    await adoptStyles(this.#root, styles);
    this.#root.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-internal]");
      if (!link) return;
      event.preventDefault();
      this.pergola.navigate(link.getAttribute("href"));
    });
    this.addEventListener("pergola:route", () => this.#render());
    await this.#render();
  }

  /** Re-renders for the current path below /shipping. */
  async #render() {
    const path = this.pergola.route?.path ?? location.pathname;
    const id = path.split("/")[2];
    try {
      if (id) await this.#showShipment(decodeURIComponent(id));
      else await this.#showList();
    } catch (error) {
      this.#root.innerHTML = `<div class="ds-page"><ds-card heading="Shipping"><p class="ds-muted"></p></ds-card></div>`;
      this.#root.querySelector("p").textContent = `Could not load shipments: ${error.message}`;
    }
  }

  async #fetch(url) {
    const response = await fetch(url, { headers: await authorization(this.pergola) });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return response.json();
  }

  async #showList() {
    const shipments = await this.#fetch(API);
    this.#root.innerHTML = `
      <div class="ds-page">
        <h1 class="ds-title">Shipments</h1>
        <ds-card heading="In the last 30 days">
          <table class="ds-table" data-testid="shipments">
            <thead><tr><th>Shipment</th><th>Destination</th><th>Status</th></tr></thead>
            <tbody></tbody>
          </table>
        </ds-card>
      </div>`;
    const body = this.#root.querySelector("tbody");
    for (const shipment of shipments) {
      const row = document.createElement("tr");
      row.innerHTML = `<td><a data-internal></a></td><td></td><td><span class="ds-badge status"></span></td>`;
      const link = row.querySelector("a");
      link.href = `/shipping/${encodeURIComponent(shipment.id)}`;
      link.textContent = shipment.id;
      row.children[1].textContent = shipment.destination;
      const badge = row.querySelector(".status");
      badge.textContent = shipment.status;
      badge.dataset.tone = TONES[shipment.status] ?? "";
      body.append(row);
    }
  }

  async #showShipment(id) {
    const shipment = await this.#fetch(`${API}/${encodeURIComponent(id)}`);
    this.#root.innerHTML = `
      <div class="ds-page">
        <p><a data-internal href="/shipping">← All shipments</a></p>
        <ds-card>
          <h1 class="ds-title" data-testid="shipment-id"></h1>
          <p>Destination: <strong class="destination"></strong></p>
          <p>Status: <span class="ds-badge status"></span></p>
          <p class="ds-muted">Carrier <span class="carrier"></span>, estimated <span class="eta"></span></p>
        </ds-card>
      </div>`;
    this.#root.querySelector("h1").textContent = `Shipment ${shipment.id}`;
    this.#root.querySelector(".destination").textContent = shipment.destination;
    const badge = this.#root.querySelector(".status");
    badge.textContent = shipment.status;
    badge.dataset.tone = TONES[shipment.status] ?? "";
    this.#root.querySelector(".carrier").textContent = shipment.carrier;
    this.#root.querySelector(".eta").textContent = shipment.eta;
  }
}

if (!customElements.get("acme-shipping")) customElements.define("acme-shipping", AcmeShipping);
