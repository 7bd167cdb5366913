/**
 * The profile team's child, written with Preact (shared through the import map as `preact`, so
 * the page loads one copy) and mounted through the module lifecycle: `mount(element, context)`
 * and `unmount(element)`. Reads and saves the profile through the profile team's API.
 */
import { Component, h, render } from "preact";
import "design-system";

const API = "/demo-api/profile/me";

/** The bearer token for the profile API, when the shell has a login configured. */
async function authorization(context) {
  if (!context.auth?.user) return {};
  return { Authorization: `Bearer ${await context.auth.getToken()}` };
}

async function call(context, method, body) {
  const response = await fetch(API, {
    method,
    headers: { ...(await authorization(context)), "Content-Type": "application/json" },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.json();
}

class Profile extends Component {
  state = { profile: null, draft: null, error: null, saving: false };

  async componentDidMount() {
    try {
      const profile = await call(this.props.context, "GET");
      this.setState({ profile, draft: { ...profile } });
    } catch (error) {
      this.setState({ error: error.message });
    }
  }

  field(name, label) {
    return h("label", { style: "display:block;margin-bottom:var(--ds-space-3)" }, [
      h("span", { class: "ds-muted", style: "display:block" }, label),
      h("input", {
        name,
        value: this.state.draft[name] ?? "",
        onInput: (event) =>
          this.setState({ draft: { ...this.state.draft, [name]: event.currentTarget.value } }),
        style: "font:inherit;padding:var(--ds-space-2);width:100%;max-width:360px",
      }),
    ]);
  }

  async save() {
    this.setState({ saving: true });
    try {
      const profile = await call(this.props.context, "PUT", this.state.draft);
      this.setState({ profile, draft: { ...profile }, saving: false });
      this.props.context.events.publish("profile:saved", { name: profile.displayName });
    } catch (error) {
      this.setState({ error: error.message, saving: false });
    }
  }

  render() {
    const { profile, draft, error, saving } = this.state;
    const user = this.props.context.auth.user;
    if (error) return h("div", { class: "ds-page" }, h("p", { class: "ds-muted" }, error));
    if (!profile) return h("div", { class: "ds-page" }, h("p", { class: "ds-muted" }, "Loading…"));
    return h("div", { class: "ds-page" }, [
      h("h1", { class: "ds-title", "data-testid": "profile-title" }, `Hello, ${profile.displayName}`),
      h("ds-card", { heading: "Your profile" }, [
        h("p", { class: "ds-muted" }, user ? `Signed in as ${user.preferred_username ?? user.sub}` : "Not signed in"),
        this.field("displayName", "Display name"),
        this.field("email", "E-mail"),
        this.field("phone", "Phone"),
        h("ds-button", { onClick: () => this.save(), disabled: saving || undefined }, "Save"),
      ]),
    ]);
  }
}

/** Mounts the profile into `element`; the runtime calls it when /profile is visited. */
export function mount(element, context) {
  render(h(Profile, { context }), element);
}

/** Unmounts; Preact tears down the tree and its listeners. */
export function unmount(element) {
  render(null, element);
}
