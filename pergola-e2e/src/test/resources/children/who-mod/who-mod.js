// A module child that shows the signed-in user and what its team's API says about the token.
let off;

export async function mount(element, context) {
  element.innerHTML = '<p id="who-mod-user"></p><p id="who-mod-api"></p><button id="who-mod-logout">Log out</button>';
  const show = async () => {
    const user = context.auth.user;
    element.querySelector('#who-mod-user').textContent = user ? `user ${user.name}` : 'signed out';
    if (!user) return;
    const token = await context.auth.getToken();
    const res = await fetch('/demo-api/e2e/mod-api/whoami', { headers: { Authorization: `Bearer ${token}` } });
    const body = await res.json().catch(() => ({}));
    element.querySelector('#who-mod-api').textContent =
      res.ok ? `api ${body.user} ${body.aud} ${body.jti}` : `api refused ${res.status}`;
  };
  element.querySelector('#who-mod-logout').onclick = () => context.auth.logout();
  off = context.auth.onChange(() => show().catch(console.error));
  await show();
}

export function unmount(element) {
  off?.();
  element.replaceChildren();
}
