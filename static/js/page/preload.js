// Have the browser fetch the map frame's scripts, styles and icons while the page comes: a
// preload link for each file, once per page load (the links stay in the page's head).
window.soderort = window.soderort || {};

window.soderort.preloadMapFiles = (files) => {
  files.forEach(([href, kind]) => {
    const known = Array.from(document.head.querySelectorAll('link[rel="preload"]')).some(
      (link) => link.getAttribute("href") === href,
    );
    if (known) {
      return;
    }
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = kind;
    link.href = href;
    document.head.appendChild(link);
  });
};
