// A module that uses its own files: the layout's stylesheet (theme.css), an image and a JSON file,
// all addressed from its module URL, so they come from wherever the assets are served.
export async function mount(element) {
  const data = await (await fetch(new URL("data.json", import.meta.url))).json();
  element.innerHTML = `<p id="styled-text">${data.text}</p>`;
  const image = Object.assign(document.createElement("img"), { id: "styled-img", src: new URL("dot.svg", import.meta.url).href });
  element.append(image);
}

export function unmount(element) {
  element.replaceChildren();
}
