// A single-spa application that shows the signed-in user and its API's view of the token.
let off;

export async function bootstrap() {}

export async function mount({ domElement, auth }) {
  domElement.innerHTML = '<p id="who-spa-user"></p><p id="who-spa-api"></p>';
  const show = async () => {
    domElement.querySelector('#who-spa-user').textContent = auth.user ? `user ${auth.user.name}` : 'signed out';
    if (!auth.user) return;
    const res = await fetch('/demo-api/e2e/spa-api/whoami',
      { headers: { Authorization: `Bearer ${await auth.getToken()}` } });
    const body = await res.json().catch(() => ({}));
    domElement.querySelector('#who-spa-api').textContent =
      res.ok ? `api ${body.user} ${body.aud} ${body.jti}` : `api refused ${res.status}`;
  };
  off = auth.onChange(() => show().catch(console.error));
  await show();
}

export async function unmount({ domElement }) {
  off?.();
  domElement.replaceChildren();
}
