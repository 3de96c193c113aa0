// Bind each shape of a GeoJSON layer's tooltip, popup, accessible name and keys, from one
// table keyed by place id. Enter selects the place as a click does and moves the focus into
// the popup; Escape closes the popup and returns the focus to the place.
window.soderort = window.soderort || {};

window.soderort.placeBindings = (shapes, options) => {
  function nameAndKeys(layer, label) {
    const path = layer.getElement?.();
    if (!path) {
      return;
    }
    path.setAttribute("role", "button");
    path.setAttribute("tabindex", "0");
    path.setAttribute("aria-label", label);
    path.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        // Stops Leaflet's own keypress handler opening the popup a second time.
        event.preventDefault();
        // A click at the place's centre: streamlit-folium reports it with its count of
        // clicks, so that Enter again on the same place is a new selection.
        const latlng = layer.getBounds().getCenter();
        layer.fire("click", { latlng: latlng, originalEvent: event }, true);
        const popup = layer.getPopup()?.getElement();
        const content = popup?.querySelector(".leaflet-popup-content");
        if (content) {
          content.setAttribute("tabindex", "-1");
          content.focus();
        }
      } else if (event.key === "Escape") {
        layer.closePopup();
      }
    });
  }
  function returnFocusOnEscape(opened) {
    const layer = opened.target;
    const popup = opened.popup.getElement();
    if (popup.dataset.sodKeys) {
      return;
    }
    popup.dataset.sodKeys = "1";
    popup.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") {
        return;
      }
      layer.closePopup();
      layer.getElement()?.focus();
    });
  }
  shapes.eachLayer((layer) => {
    const text = options.texts[layer.feature.properties.id];
    layer.bindTooltip(text.tooltip, { sticky: true, className: "sod-tooltip" });
    layer.bindPopup(text.popup, options.popupOptions);
    const named = () => nameAndKeys(layer, text.name);
    layer.on("add", named);
    named();
    layer.on("popupopen", returnFocusOnEscape);
  });
};
