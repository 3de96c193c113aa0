// The presentation's keys, pressed in the map, step the slides on the page.
window.soderort = window.soderort || {};

window.soderort.slideKeys = (map, options) => {
  // streamlit-folium moves the map to a new slide's view with setView(centre, zoom), which
  // Leaflet would animate for 0.25 s after the slide's text had changed; the room sees both
  // change together. Leaflet's own calls pass their options and keep their animations (a
  // zoom with the wheel or the buttons). Listed in PRIVATE_USES.md.
  const setView = map.setView;
  map.setView = function (center, zoom, viewOptions) {
    return setView.call(
      this,
      center,
      zoom,
      viewOptions === undefined ? { animate: false } : viewOptions,
    );
  };
  const buttons = options.buttons;
  const selectors = Object.keys(buttons).map((key) => buttons[key]);
  document.addEventListener(
    "keydown",
    (event) => {
      const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
      if (
        options.keys.indexOf(event.key) < 0 ||
        typing ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey
      ) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      try {
        const page = window.parent.document;
        if (buttons[event.key]) {
          // Streamlit's shortcuts ignore keys that a script sends: the button is clicked.
          const button = page.querySelector(buttons[event.key]);
          if (button && !button.disabled) {
            button.click();
          }
          return;
        }
        page.dispatchEvent(
          new KeyboardEvent("keydown", {
            key: event.key,
            code: event.code,
            bubbles: true,
            cancelable: true,
          }),
        );
      } catch (_error) {
        // Another origin's page: the keys stay in the map.
      }
    },
    true,
  );
  // A popup opened on one slide closes when the slide changes, by key or button.
  function keyOnPage(event) {
    if (buttons[event.key]) {
      map.closePopup();
    }
  }
  function clickOnPage(event) {
    if (event.target.closest?.(selectors.join(","))) {
      map.closePopup();
    }
  }
  try {
    const page = window.parent.document;
    page.addEventListener("keydown", keyOnPage);
    page.addEventListener("click", clickOnPage);
    window.addEventListener("pagehide", () => {
      page.removeEventListener("keydown", keyOnPage);
      page.removeEventListener("click", clickOnPage);
    });
  } catch (_error) {
    // Another origin's page: nothing to listen to.
  }
};
